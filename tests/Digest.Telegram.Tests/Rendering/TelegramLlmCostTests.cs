using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Editions;
using Digest.Telegram.Rendering;
using Digest.TestKit.Editions;
using Digest.TestKit.Telegram;

namespace Digest.Telegram.Tests.Rendering;

public sealed class TelegramLlmCostTests
{
    [Fact]
    public void The_data_overview_ends_with_the_editions_llm_calls_and_tokens()
    {
        var edition = WithCost(new EditionBuilder().WithArticles(5).Build(), new("score", 1, 9800, 2000), new("writeup", 5, 1000, 250), new("highlights", 1, 40, 10));

        var overview = Overview(edition);

        Assert.EndsWith("\nLLM: 7 calls, 13.1 k tokens", overview, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edition_assessed_offline_without_calls_says_assessed_offline_in_the_overview()
    {
        var edition = WithCost(new EditionBuilder().WithArticles(3).Offline().Build());

        Assert.EndsWith("\nLLM: assessed offline", Overview(edition), StringComparison.Ordinal);
    }

    [Fact]
    public void An_edition_stored_before_costs_were_counted_has_no_llm_line()
    {
        var plain = PlainText(new EditionBuilder().WithArticles(3).Build());

        Assert.DoesNotContain("LLM:", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subscribers_cut_shows_the_cost_of_the_edition_it_was_cut_from()
    {
        var edition = WithCost(new EditionBuilder().WithArticles(14).Build(), new("score", 2, 600, 200), new("highlights", 1, 100, 50));

        var overview = Overview(edition.CutFor(new HashSet<Category> { Category.Security }, 10));

        Assert.Contains("Selected: 14 (2 for you)", overview, StringComparison.Ordinal);
        Assert.EndsWith("\nLLM: 3 calls, 950 tokens", overview, StringComparison.Ordinal);
    }

    private static Edition WithCost(Edition edition, params LlmPurposeUsage[] byPurpose) =>
        edition with { Stats = edition.Stats with { Llm = new LlmCost(byPurpose) { CountedUntil = EditionBuilder.GeneratedAt } } };

    /// <summary>The plain text of the "📊 Data overview" block, wherever the splitter put it.</summary>
    private static string Overview(Edition edition)
    {
        var plain = PlainText(edition);
        var start = plain.IndexOf("📊 Data overview", StringComparison.Ordinal);
        Assert.True(start >= 0, "the edition has a data overview");
        var end = plain.IndexOf("\n\n", start, StringComparison.Ordinal);
        return end < 0 ? plain[start..] : plain[start..end];
    }

    private static string PlainText(Edition edition) =>
        string.Join("\n\n", new TelegramEditionRenderer(new FakeChartRenderer())
            .Render(edition)
            .Where(p => !p.IsPhoto)
            .Select(p => TelegramHtml.Parse(p.Text).PlainText));
}
