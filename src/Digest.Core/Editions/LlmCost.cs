using Digest.Core.Assessing;

namespace Digest.Core.Editions;

/// <summary>
/// What an edition cost in LLM calls, per purpose. A stored edition counts everything spent since the previous stored
/// daily edition (the collect job's scoring of what came in, then its own write-ups and highlights); a one-off edition
/// counts only the calls of its own composition.
/// </summary>
public sealed record LlmCost(IReadOnlyList<LlmPurposeUsage> ByPurpose)
{
    /// <summary>Not counted: editions stored before their cost was kept.</summary>
    public static LlmCost None { get; } = new([]);

    /// <summary>
    /// The moment the usage log was read up to (null when not counted). The next stored edition counts from here, so
    /// every call is counted by exactly one stored edition.
    /// </summary>
    public DateTimeOffset? CountedUntil { get; init; }

    public bool IsCounted => CountedUntil is not null;

    public int Calls => ByPurpose.Sum(p => p.Calls);

    public long PromptTokens => ByPurpose.Sum(p => p.PromptTokens);

    public long CompletionTokens => ByPurpose.Sum(p => p.CompletionTokens);

    public long Tokens => PromptTokens + CompletionTokens;

    // By value, list included: a cost read back from storage equals the one that was saved.
    public bool Equals(LlmCost? other) =>
        other is not null && CountedUntil == other.CountedUntil && ByPurpose.SequenceEqual(other.ByPurpose);

    public override int GetHashCode() => HashCode.Combine(CountedUntil, ByPurpose.Count);
}
