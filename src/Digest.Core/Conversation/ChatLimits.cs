using System.Threading.RateLimiting;
using Digest.Core.Assessing;

namespace Digest.Core.Conversation;

/// <summary>
/// The two limits on talking to the bot: a token bucket per chat, so one chat cannot keep the bot (and its LLM) busy,
/// and a daily budget of answer tokens over all chats, read from the LLM usage log that records every call.
/// </summary>
public sealed class ChatLimits(ConversationOptions options, ILlmUsageLog usage, TimeProvider time) : IDisposable
{
    public const string TooFast = "You're asking faster than I can read. Give me a minute, then ask again.";

    public const string BudgetSpent =
        "I've used up today's budget for answering questions. Ask again tomorrow; /digest and your settings work as usual.";

    /// <summary>The purpose the LLM usage log records answers under.</summary>
    public const string AnswerPurpose = "answer";

    private readonly PartitionedRateLimiter<string> _perChat = PartitionedRateLimiter.Create<string, string>(chat =>
        RateLimitPartition.GetTokenBucketLimiter(chat, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.PerChatPerMinute,
            TokensPerPeriod = options.PerChatPerMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Takes one message of the chat's allowance; false when it is spent for now.</summary>
    public bool TryTake(string platform, string chatId)
    {
        using var lease = _perChat.AttemptAcquire($"{platform}:{chatId}");
        return lease.IsAcquired;
    }

    /// <summary>Whether answers have spent today's tokens (UTC day).</summary>
    public async Task<bool> BudgetSpentAsync(CancellationToken ct)
    {
        if (options.DailyAnswerTokens == 0)
        {
            return false;
        }
        var now = time.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var spent = (await usage.GetByPurposeAsync(today, now.AddTicks(1), ct))
            .Where(p => p.Purpose == AnswerPurpose)
            .Sum(p => p.PromptTokens + p.CompletionTokens);
        return spent >= options.DailyAnswerTokens;
    }

    public void Dispose() => _perChat.Dispose();
}
