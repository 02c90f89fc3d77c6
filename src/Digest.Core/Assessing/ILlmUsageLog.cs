namespace Digest.Core.Assessing;

/// <summary>Records the tokens of every LLM call, so cost is visible.</summary>
public interface ILlmUsageLog
{
    Task RecordAsync(LlmUsage usage, CancellationToken ct);

    Task<LlmUsageTotals> GetTotalsAsync(CancellationToken ct);
}

/// <param name="Purpose">What the call was for: score, writeup, highlights.</param>
public sealed record LlmUsage(string ModelId, string Purpose, int PromptTokens, int CompletionTokens, bool Succeeded, DateTimeOffset At);

public sealed record LlmUsageTotals(int Calls, long PromptTokens, long CompletionTokens);
