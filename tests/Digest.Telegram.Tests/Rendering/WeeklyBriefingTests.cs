using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Telegram.Rendering;
using Digest.TestKit.Editions;
using Digest.TestKit.Telegram;

namespace Digest.Telegram.Tests.Rendering;

public class WeeklyBriefingTests
{
    private static readonly string[] SectionsInOrder =
    [
        "📰 Weekly Briefing · Nov 23 – Nov 29, 2026",
        "\n\nThe week's news agreed on one thing",
        "\n\nWatch & Listen First\n• Latent Cast — Scaling inference without scaling cost (pods.example, Nov 24 · 1h 12m)",
        "\n\nKey Takeaways\n• ",
        "\n\nThe Big Story\nOpen weights model tops the reasoning leaderboard · November 24, 2026 · Model Wire\n",
        "\n\nAlso This Week\nChip maker ships inference card with 288 GB of memory · Nov 23 · Silicon Daily\n→ Memory",
        "\n\nFrom the Lab\n\"Overtraining pays off once inference is counted\" · arXiv 2611.01234\n→ Counting",
        "\n\nWorth Reading\n• Serving Weekly — What the 288 GB card means for serving costs — the clearest",
        "\n\nThe week's signal: cost decides",
        "\n\n16 articles cited · 15 sources · Generated at 2026-11-29 08:00 UTC",
    ];

    private static IReadOnlyList<MessagePart> Render(Edition edition, int limit = 4096, FakeChartRenderer? charts = null) =>
        new TelegramEditionRenderer(charts ?? new FakeChartRenderer(), new TelegramRenderLimits(limit)).Render(edition);

    private static string PlainText(IReadOnlyList<MessagePart> parts) =>
        string.Join("\n\n", parts.Select(p => TelegramHtml.Parse(p.Text).PlainText));

    [Theory]
    [InlineData(1, 4096)]
    [InlineData(6, 4096)]
    [InlineData(1, 600)]
    [InlineData(6, 300)]
    public void Every_part_parses_as_Telegram_HTML_and_fits_the_limit(int longer, int limit)
    {
        var parts = Render(new WeeklyEditionFixture().WithHostileText().WithLongText(longer).Build(), limit);

        Assert.NotEmpty(parts);
        foreach (var part in parts)
        {
            var parsed = TelegramHtml.Parse(part.Text);
            Assert.True(parsed.Ok, $"{parsed.Error} in:\n{part.Text}");
            Assert.Equal(MessageFormat.TelegramHtml, part.Format);
            Assert.InRange(parsed.Length, 1, limit);
        }
    }

    [Fact]
    public void Every_section_is_there_in_the_samples_order_and_the_weekly_has_no_chart()
    {
        var charts = new FakeChartRenderer();
        var parts = Render(new WeeklyEditionFixture().Build(), charts: charts);
        var plain = PlainText(parts);

        var position = -1;
        foreach (var marker in SectionsInOrder)
        {
            var at = plain.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(at > position, $"'{marker.Trim()}' missing or out of order in:\n{plain}");
            position = at;
        }
        Assert.Equal(0, charts.Calls);
        Assert.DoesNotContain(parts, p => p.IsPhoto);
    }

    [Fact]
    public void Titles_link_to_their_articles_and_headings_are_bold()
    {
        var html = string.Join("\n", Render(new WeeklyEditionFixture().Build()).Select(p => p.Text));

        Assert.Contains("<b>The Big Story</b>\n<b><a href=\"https://news.example/open-weights-reasoning\">Open weights model tops the reasoning leaderboard</a></b>", html, StringComparison.Ordinal);
        Assert.Contains("• Latent Cast — <a href=\"https://pods.example/latent/241\">Scaling inference without scaling cost</a> (pods.example, Nov 24 · 1h 12m)", html, StringComparison.Ordinal);
        Assert.Contains("(<a href=\"https://news.example/inference-card\">Silicon Daily</a>, <a href=\"https://analysis.example/card-costs\">Serving Weekly</a>)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_is_shown_as_text_and_links_nowhere()
    {
        var parts = Render(new WeeklyEditionFixture().WithHostileText().Build());
        var html = string.Join("\n", parts.Select(p => p.Text));
        var plain = PlainText(parts);

        Assert.Equal(3, CountOf(plain, WeeklyEditionFixture.HostileText));
        Assert.Contains("@everyone <i>Wire</i>", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Ignore", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>Wire", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"https://evil", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_briefing_splits_only_between_blocks()
    {
        var edition = new WeeklyEditionFixture().WithLongText(8).Build();

        var parts = Render(edition);
        var whole = Render(edition, limit: 1_000_000);

        Assert.True(parts.Count > 2, "a briefing of long paragraphs must need several messages");
        Assert.Single(whole);
        // Cut only where blocks meet: the parts put back together are the whole, and no part starts with an entry's "→".
        Assert.Equal(PlainText(whole), PlainText(parts));
        Assert.All(parts.Skip(1), p => Assert.False(TelegramHtml.Parse(p.Text).PlainText.StartsWith('→'), p.Text));
        Assert.All(parts, p => Assert.False(TelegramHtml.Parse(p.Text).PlainText.EndsWith("Also This Week", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_week_without_episodes_keeps_the_heading_and_says_so()
    {
        var plain = PlainText(Render(new WeeklyEditionFixture().WithoutEpisodes().Build()));

        Assert.Contains("\n\nWatch & Listen First\nNo podcast or video episodes were collected this week.\n\nKey Takeaways\n", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void The_offline_note_follows_the_title_when_sections_were_written_offline()
    {
        var offline = PlainText(Render(new WeeklyEditionFixture().WrittenOffline(Core.Weekly.BriefingSection.Thesis).Build()));
        var online = PlainText(Render(new WeeklyEditionFixture().Build()));

        Assert.StartsWith("📰 Weekly Briefing · Nov 23 – Nov 29, 2026\n⚠️ Written offline (no LLM), from the articles' own summaries: The thesis.", offline, StringComparison.Ordinal);
        Assert.DoesNotContain("offline", online, StringComparison.OrdinalIgnoreCase);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
