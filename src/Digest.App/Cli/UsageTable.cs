using System.Globalization;
using System.Text;
using Digest.Core.Assessing;
using Digest.Core.Rendering;

namespace Digest.App.Cli;

/// <summary>
/// What <c>digest stats</c> prints: a plain table (one row per UTC day and purpose, then the total) that reads in a
/// terminal and splits on runs of spaces for scripts.
/// </summary>
internal static class UsageTable
{
    private const string ColumnGap = "  ";

    public static string Write(IReadOnlyList<LlmDailyUsage> usage, DateOnly firstDay, DateOnly lastDay, decimal? pricePer1k)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var days = lastDay.DayNumber - firstDay.DayNumber + 1;
        var text = new StringBuilder();
        if (usage.Count == 0)
        {
            var period = days == 1 ? "today" : Invariant($"in the last {days} days");
            return text.Append(CultureInfo.InvariantCulture, $"No LLM calls {period} (assessed offline)\n").ToString();
        }

        text.Append(days == 1
            ? Invariant($"LLM usage today, {Day(lastDay)} (UTC)\n\n")
            : Invariant($"LLM usage in the last {days} days, {Day(firstDay)} to {Day(lastDay)} (UTC days)\n\n"));
        string[] header = ["day", "purpose", "calls", "prompt", "completion", "tokens"];
        List<string[]> rows = [pricePer1k is null ? header : [.. header, "est. cost"]];
        rows.AddRange(usage.Select(u => Row(Day(u.Day), u.Purpose, u.Calls, u.PromptTokens, u.CompletionTokens, pricePer1k)));
        var calls = usage.Sum(u => u.Calls);
        var prompt = usage.Sum(u => u.PromptTokens);
        var completion = usage.Sum(u => u.CompletionTokens);
        rows.Add(Row("total", "", calls, prompt, completion, pricePer1k));
        AppendAligned(text, rows);

        text.Append('\n').Append(CultureInfo.InvariantCulture, $"{LlmCostText.Calls(calls)}, {LlmCostText.Tokens(prompt + completion)}");
        text.Append(pricePer1k is { } price
            ? Invariant($", est. cost {Money(Cost(prompt + completion, price))} at ${price:0.00######} per 1,000 tokens\n")
            : "; set Llm:PricePer1kTokens for an estimated cost\n");
        return text.ToString();
    }

    private static string[] Row(string day, string purpose, int calls, long prompt, long completion, decimal? pricePer1k)
    {
        string[] cells = [day, purpose, Number(calls), Number(prompt), Number(completion), Number(prompt + completion)];
        return pricePer1k is { } price ? [.. cells, Money(Cost(prompt + completion, price))] : cells;
    }

    /// <summary>Day and purpose to the left, numbers to the right, each column as wide as its widest cell.</summary>
    private static void AppendAligned(StringBuilder text, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => c < 2 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            text.Append(string.Join(ColumnGap, cells).TrimEnd()).Append('\n');
        }
    }

    private static decimal Cost(long tokens, decimal pricePer1k) => tokens / 1000m * pricePer1k;

    /// <summary>"$0.42"; "&lt;$0.01" for a cost that rounds to nothing but is not nothing.</summary>
    private static string Money(decimal amount) =>
        amount is > 0 and < 0.005m ? "<$0.01" : Invariant($"${Math.Round(amount, 2, MidpointRounding.AwayFromZero):0.00}");

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
