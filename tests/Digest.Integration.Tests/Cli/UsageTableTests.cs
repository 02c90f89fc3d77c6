using Digest.App.Cli;
using Digest.Core.Assessing;

namespace Digest.Integration.Tests.Cli;

public sealed class UsageTableTests
{
    private static readonly DateOnly Today = new(2026, 4, 16);

    private static readonly LlmDailyUsage[] Week =
    [
        new(Today.AddDays(-2), "score", 3, 3600, 900),
        new(Today.AddDays(-2), "writeup", 12, 9000, 2400),
        new(Today, "highlights", 1, 950, 250),
    ];

    [Fact]
    public void Rows_per_utc_day_and_purpose_then_a_total_line_without_a_price()
    {
        var text = UsageTable.Write(Week, Today.AddDays(-6), Today, pricePer1k: null);

        Assert.Equal(
            """
            LLM usage in the last 7 days, 2026-04-10 to 2026-04-16 (UTC days)

            day         purpose     calls  prompt  completion  tokens
            2026-04-14  score           3    3600         900    4500
            2026-04-14  writeup        12    9000        2400   11400
            2026-04-16  highlights      1     950         250    1200
            total                      16   13550        3550   17100

            16 calls, 17.1 k tokens; set Llm:PricePer1kTokens for an estimated cost

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void With_a_price_each_row_and_the_total_carry_an_estimated_cost()
    {
        var text = UsageTable.Write(Week, Today.AddDays(-6), Today, pricePer1k: 0.15m);

        var lines = text.Split('\n');
        Assert.Equal("day         purpose     calls  prompt  completion  tokens  est. cost", lines[2]);
        Assert.Equal("2026-04-14  score           3    3600         900    4500      $0.68", lines[3]);
        Assert.Equal("2026-04-14  writeup        12    9000        2400   11400      $1.71", lines[4]);
        Assert.Equal("2026-04-16  highlights      1     950         250    1200      $0.18", lines[5]);
        Assert.Equal("total                      16   13550        3550   17100      $2.57", lines[6]);
        Assert.Equal("16 calls, 17.1 k tokens, est. cost $2.57 at $0.15 per 1,000 tokens", lines[8]);
    }

    [Fact]
    public void A_cost_below_a_cent_is_not_shown_as_nothing()
    {
        var text = UsageTable.Write([new(Today, "score", 1, 20, 10)], Today, Today, pricePer1k: 0.0006m);

        Assert.Contains("2026-04-16  score        1      20          10      30     <$0.01", text, StringComparison.Ordinal);
        Assert.Contains("1 call, 30 tokens, est. cost <$0.01 at $0.0006 per 1,000 tokens", text, StringComparison.Ordinal);
        Assert.StartsWith("LLM usage today, 2026-04-16 (UTC)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_calls_is_one_line_saying_the_digest_was_assessed_offline()
    {
        Assert.Equal("No LLM calls in the last 7 days (assessed offline)\n", UsageTable.Write([], Today.AddDays(-6), Today, 0.15m));
        Assert.Equal("No LLM calls in the last 30 days (assessed offline)\n", UsageTable.Write([], Today.AddDays(-29), Today, null));
        Assert.Equal("No LLM calls today (assessed offline)\n", UsageTable.Write([], Today, Today, null));
    }
}
