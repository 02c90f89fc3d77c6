namespace Digest.TestKit.Telegram;

/// <summary>
/// Telegram's send limits as token buckets (see <see cref="FakeTelegramOptions"/> for rates and burst sizes).
/// A send takes one token from each bucket that applies, or from none when any is empty.
/// </summary>
internal sealed class SendRateLimiter(FakeTelegramOptions options)
{
    private readonly object _gate = new();
    private readonly TokenBucket _global = new(
        options.GlobalPerSecond * options.RateScale, options.GlobalPerSecond * options.RateScale * options.GlobalBurstSeconds, options.TimeProvider);
    private readonly Dictionary<long, TokenBucket> _perChat = [];
    private readonly Dictionary<long, TokenBucket> _perGroup = [];

    /// <summary>Takes a send for <paramref name="chatId"/>; on refusal returns Telegram's retry_after in whole seconds.</summary>
    public int? TryAcquire(long chatId)
    {
        lock (_gate)
        {
            List<TokenBucket> buckets = [_global, Bucket(_perChat, chatId, options.PerChatPerSecond, options.PerChatBurst)];
            // Groups, supergroups and channels have negative ids; they also get the per-minute limit.
            if (chatId < 0)
            {
                buckets.Add(Bucket(_perGroup, chatId, options.GroupPerMinute / 60, options.GroupBurst));
            }

            var wait = buckets.Max(b => b.WaitForOne());
            if (wait > TimeSpan.Zero)
            {
                return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            }
            buckets.ForEach(b => b.Take());
            return null;
        }
    }

    private TokenBucket Bucket(Dictionary<long, TokenBucket> buckets, long chatId, double perSecond, double burst)
    {
        if (!buckets.TryGetValue(chatId, out var bucket))
        {
            bucket = new TokenBucket(perSecond * options.RateScale, burst, options.TimeProvider);
            buckets[chatId] = bucket;
        }
        return bucket;
    }
}
