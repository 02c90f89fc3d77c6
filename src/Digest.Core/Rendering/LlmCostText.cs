using System.Globalization;
using Digest.Core.Editions;

namespace Digest.Core.Rendering;

/// <summary>How every renderer states what an edition cost in LLM calls: one line of its data overview.</summary>
public static class LlmCostText
{
    /// <summary>
    /// "LLM: 44 calls, 13.1 k tokens"; "LLM: assessed offline" when it was assessed offline and made no call; null for
    /// an edition stored before its cost was counted (saying "0 calls" there would be a guess).
    /// </summary>
    public static string? Line(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var cost = edition.Stats.Llm;
        if (edition.AssessedOffline && cost.Calls == 0)
        {
            return "LLM: assessed offline";
        }
        return cost.IsCounted ? $"LLM: {Calls(cost.Calls)}, {Tokens(cost.Tokens)}" : null;
    }

    public static string Calls(int calls) =>
        calls == 1 ? "1 call" : string.Create(CultureInfo.InvariantCulture, $"{calls} calls");

    /// <summary>"950 tokens" below a thousand, "13.1 k tokens" from there, "2.4 M tokens" from a million.</summary>
    public static string Tokens(long tokens)
    {
        if (tokens < 1000)
        {
            return tokens == 1 ? "1 token" : string.Create(CultureInfo.InvariantCulture, $"{tokens} tokens");
        }
        var thousands = Math.Round(tokens / 1000m, 1, MidpointRounding.AwayFromZero);
        if (thousands < 1000)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{thousands:0.0} k tokens");
        }
        var millions = Math.Round(tokens / 1_000_000m, 1, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{millions:0.0} M tokens");
    }
}
