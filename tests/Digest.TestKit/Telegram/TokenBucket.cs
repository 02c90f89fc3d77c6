namespace Digest.TestKit.Telegram;

/// <summary>A token bucket: <c>rate</c> tokens a second up to <c>capacity</c>, starting full. Not thread-safe.</summary>
internal sealed class TokenBucket(double ratePerSecond, double capacity, TimeProvider time)
{
    private readonly double _capacity = capacity;
    private double _tokens = capacity;
    private long _refilledAt = time.GetTimestamp();

    /// <summary>How long until one token is available; zero when one is available now.</summary>
    public TimeSpan WaitForOne()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + (time.GetElapsedTime(_refilledAt, now).TotalSeconds * ratePerSecond));
        _refilledAt = now;
        return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / ratePerSecond);
    }

    public void Take() => _tokens -= 1;
}
