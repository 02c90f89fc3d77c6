using Digest.Core.Assessing;
using Digest.Core.Editions;
using Digest.Core.Rendering;

namespace Digest.Core.Tests.Rendering;

public class LlmCostTextTests
{
    private static readonly DateTimeOffset At = new(2026, 4, 16, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "0 tokens")]
    [InlineData(1, "1 token")]
    [InlineData(950, "950 tokens")]
    [InlineData(999, "999 tokens")]
    [InlineData(1000, "1.0 k tokens")]
    [InlineData(13_100, "13.1 k tokens")]
    [InlineData(13_150, "13.2 k tokens")]
    [InlineData(999_949, "999.9 k tokens")]
    [InlineData(999_950, "1.0 M tokens")]
    [InlineData(2_440_000, "2.4 M tokens")]
    public void Tokens_are_exact_below_a_thousand_then_in_thousands_then_millions(long tokens, string expected) =>
        Assert.Equal(expected, LlmCostText.Tokens(tokens));

    [Fact]
    public void A_counted_edition_says_its_calls_and_prompt_plus_completion_tokens()
    {
        var edition = Edition(offline: false, Counted(new("score", 4, 9000, 1200), new("writeup", 39, 2500, 300), new("highlights", 1, 90, 10)));

        Assert.Equal("LLM: 44 calls, 13.1 k tokens", LlmCostText.Line(edition));
    }

    [Fact]
    public void One_call_is_one_call()
    {
        Assert.Equal("LLM: 1 call, 160 tokens", LlmCostText.Line(Edition(offline: false, Counted(new LlmPurposeUsage("highlights", 1, 120, 40)))));
    }

    [Fact]
    public void An_edition_assessed_offline_without_a_call_says_so()
    {
        Assert.Equal("LLM: assessed offline", LlmCostText.Line(Edition(offline: true, Counted())));
        Assert.Equal("LLM: assessed offline", LlmCostText.Line(Edition(offline: true, LlmCost.None)));
    }

    [Fact]
    public void An_edition_that_fell_back_to_offline_after_calls_still_counts_them()
    {
        var edition = Edition(offline: true, Counted(new("score", 2, 0, 0), new("highlights", 2, 0, 0)));

        Assert.Equal("LLM: 4 calls, 0 tokens", LlmCostText.Line(edition));
    }

    [Fact]
    public void An_edition_stored_before_costs_were_counted_says_nothing_about_them()
    {
        Assert.Null(LlmCostText.Line(Edition(offline: false, LlmCost.None)));
        Assert.Equal("LLM: 0 calls, 0 tokens", LlmCostText.Line(Edition(offline: false, Counted())));
    }

    private static LlmCost Counted(params LlmPurposeUsage[] byPurpose) => new(byPurpose) { CountedUntil = At };

    private static Edition Edition(bool offline, LlmCost cost) =>
        new(0, EditionKind.Daily, new DateOnly(2026, 4, 16), At, "en", offline, "", [],
            new EditionStats(1, 1, 1, 1, TimeSpan.FromHours(24), 0, [], []) { Llm = cost });
}
