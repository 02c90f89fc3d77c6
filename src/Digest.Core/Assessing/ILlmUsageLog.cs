namespace Digest.Core.Assessing;

/// <summary>Records the tokens of every LLM call, so cost is visible. Times are kept to the millisecond.</summary>
public interface ILlmUsageLog
{
    Task RecordAsync(LlmUsage usage, CancellationToken ct);

    Task<LlmUsageTotals> GetTotalsAsync(CancellationToken ct);

    /// <summary>
    /// The calls recorded at or after <paramref name="since"/> and before <paramref name="until"/>, per purpose (by name).
    /// Half-open, so windows that meet at a moment count each call once.
    /// </summary>
    Task<IReadOnlyList<LlmPurposeUsage>> GetByPurposeAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken ct);

    /// <summary>The calls per UTC day and purpose from the start of <paramref name="firstDay"/> on, days ascending.</summary>
    Task<IReadOnlyList<LlmDailyUsage>> GetByDayAsync(DateOnly firstDay, CancellationToken ct);
}

/// <param name="Purpose">What the call was for: score, writeup, highlights.</param>
public sealed record LlmUsage(string ModelId, string Purpose, int PromptTokens, int CompletionTokens, bool Succeeded, DateTimeOffset At);

public sealed record LlmUsageTotals(int Calls, long PromptTokens, long CompletionTokens);

/// <summary>The calls made for one purpose (failed ones too: they may have cost tokens) and their tokens.</summary>
public sealed record LlmPurposeUsage(string Purpose, int Calls, long PromptTokens, long CompletionTokens);

/// <param name="Day">The UTC day the calls were recorded on.</param>
public sealed record LlmDailyUsage(DateOnly Day, string Purpose, int Calls, long PromptTokens, long CompletionTokens);
