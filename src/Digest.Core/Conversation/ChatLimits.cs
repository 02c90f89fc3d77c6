using System.Threading.RateLimiting;
using Digest.Core.Assessing;
using Digest.Core.Conversation.Memory;

namespace Digest.Core.Conversation;

/// <summary>
/// The limits on talking to the bot: a token bucket per chat, so one chat cannot keep the bot (and its LLM) busy, and
/// daily budgets of LLM tokens: over all chats, read from the usage log that records every call, and per chat, read
/// from the chat's memory.
/// </summary>
public sealed class ChatLimits(ConversationOptions options, ILlmUsageLog usage, IChatMemory memory, TimeProvider time) : IDisposable
{
    public const string TooFast = "You're asking faster than I can read. Give me a minute, then ask again.";

    public const string BudgetSpent =
        "I've used up today's budget for answering questions. Ask again tomorrow; /digest and your settings work as usual.";

    /// <summary>The purposes the LLM usage log records talking to the bot under: answers, and settings read by the LLM.</summary>
    public static readonly IReadOnlySet<string> ChatPurposes = new HashSet<string>(StringComparer.Ordinal) { "answer", "settings" };

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

    /// <summary>Whether today's tokens (UTC day) are spent, over all chats or by this one.</summary>
    public async Task<bool> BudgetSpentAsync(string platform, string chatId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        if (options.DailyChatTokens > 0
            && await memory.TokensOnAsync(platform, chatId, DateOnly.FromDateTime(today.UtcDateTime), ct) >= options.DailyChatTokens)
        {
            return true;
        }
        if (options.DailyAnswerTokens == 0)
        {
            return false;
        }
        var spent = (await usage.GetByPurposeAsync(today, now.AddTicks(1), ct))
            .Where(p => ChatPurposes.Contains(p.Purpose))
            .Sum(p => p.PromptTokens + p.CompletionTokens);
        return spent >= options.DailyAnswerTokens;
    }

    public void Dispose() => _perChat.Dispose();
}
