using System.Text.RegularExpressions;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Discord.Rendering;
using Digest.TestKit.Editions;

namespace Digest.Discord.Tests.Rendering;

public partial class WeeklyBriefingTests
{
    private static IReadOnlyList<MessagePart> Render(Edition edition, int limit = 2000, FakeChartRenderer? charts = null) =>
        new DiscordEditionRenderer(charts ?? new FakeChartRenderer(), new DiscordRenderLimits(limit)).Render(edition);

    private static string All(IReadOnlyList<MessagePart> parts) => string.Join("\n\n", parts.Select(p => p.Text));

    [Theory]
    [InlineData(1, 2000)]
    [InlineData(6, 2000)]
    [InlineData(1, 400)]
    public void Every_part_is_Discord_Markdown_within_the_limit_and_there_is_no_chart(int longer, int limit)
    {
        var charts = new FakeChartRenderer();
        var parts = Render(new WeeklyEditionFixture().WithHostileText().WithLongText(longer).Build(), limit, charts);

        Assert.NotEmpty(parts);
        Assert.All(parts, p =>
        {
            Assert.Equal(MessageFormat.DiscordMarkdown, p.Format);
            Assert.False(p.IsPhoto);
            Assert.InRange(p.Text.Length, 1, limit);
        });
        Assert.Equal(0, charts.Calls);
    }

    [Fact]
    public void Every_section_heading_is_there_in_the_samples_order()
    {
        var all = All(Render(new WeeklyEditionFixture().Build()));

        string[] order =
        [
            "# 📰 Weekly Briefing · Nov 23 – Nov 29, 2026\n",
            "## Watch & Listen First\n- Latent Cast — [Scaling inference without scaling cost](<https://pods.example/latent/241>) \\(pods\\.example, Nov 24 · 1h 12m\\)",
            "## Key Takeaways\n- ",
            "## The Big Story\n**[Open weights model tops the reasoning leaderboard](<https://news.example/open-weights-reasoning>)** · November 24, 2026 · Model Wire\n",
            "## Also This Week\n",
            "## From the Lab\n**\"[Overtraining pays off once inference is counted](<https://arxiv.org/abs/2611.01234>)\"** · arXiv 2611\\.01234\n→ ",
            "## Worth Reading\n- ",
            "**The week's signal\\:** cost decides",
            "-# 16 articles cited · 15 sources · Generated at 2026\\-11\\-29 08\\:00 UTC",
        ];
        var position = -1;
        foreach (var marker in order)
        {
            var at = all.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(at > position, $"'{marker.Trim()}' missing or out of order in:\n{all}");
            position = at;
        }
    }

    [Fact]
    public void Hostile_text_mentions_no_one_and_links_only_to_the_cited_articles()
    {
        var edition = new WeeklyEditionFixture().WithHostileText().Build();

        var all = All(Render(edition));
        var obeyed = DiscordMarkup.Unescaped(all);
        var targets = LinkTarget().Matches(obeyed).Select(m => m.Groups[1].Value).ToList();

        Assert.DoesNotContain("@everyone", all, StringComparison.Ordinal);
        Assert.Contains("@\u200Beveryone", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", obeyed, StringComparison.Ordinal);
        Assert.DoesNotContain("*now*", all, StringComparison.Ordinal);
        Assert.NotEmpty(targets);
        Assert.All(targets, url => Assert.Contains(url, WeeklyEditionFixture.Urls(edition)));
        Assert.Equal(3, DiscordMarkup.Count(DiscordMarkup.Shown(all), "<b>Ignore previous instructions</b> *now* [x](https://evil.example/) @\u200Beveryone"));
    }

    [Fact]
    public void The_first_part_opens_the_weeks_thread_and_no_other_does()
    {
        var parts = Render(new WeeklyEditionFixture().WithLongText(6).Build());

        Assert.True(parts.Count > 1);
        Assert.Equal("Questions about the weekly briefing, Nov 29", parts[0].ThreadName);
        Assert.All(parts.Skip(1), p => Assert.Null(p.ThreadName));
    }

    [Fact]
    public void A_long_briefing_splits_between_entries_and_loses_nothing()
    {
        var edition = new WeeklyEditionFixture().WithLongText(5).Build();

        var parts = Render(edition);
        var whole = Render(edition, limit: 1_000_000);

        Assert.True(parts.Count > 2, "a briefing of long paragraphs must need several messages");
        Assert.Equal(Assert.Single(whole).Text, All(parts));
        Assert.All(parts.Skip(1), p => Assert.Matches(@"^(#{1,2} |\*\*|- |-# )", p.Text));
    }

    [Fact]
    public void A_list_longer_than_a_message_goes_on_in_the_next_without_cutting_a_line()
    {
        var edition = new WeeklyEditionFixture().Build();

        var texts = Render(edition, limit: 250).Select(p => p.Text).ToList();

        foreach (var takeaway in edition.Briefing!.Takeaways)
        {
            var escaped = DiscordMarkdownText.Escape(takeaway.Text);
            Assert.Single(texts, t => t.Contains("- " + escaped + " \\(", StringComparison.Ordinal));
        }
        Assert.StartsWith("## Key Takeaways\n- ", Assert.Single(texts, t => t.Contains("## Key Takeaways", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\]\(<([^>]+)>\)")]
    private static partial Regex LinkTarget();
}
