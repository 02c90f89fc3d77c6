using System.Text.RegularExpressions;
using Digest.Core.Rendering;
using Digest.Core.Weekly;
using Digest.TestKit.Editions;
using Digest.TestKit.Golden;

namespace Digest.Core.Tests.Rendering.Weekly;

public sealed partial class WeeklyMarkdownTests
{
    private static readonly string[] SampleOrder =
    [
        "# 📰 Weekly Briefing · Nov 23 – Nov 29, 2026\n",
        "\nThe week's news agreed on one thing",
        "\n## Watch & Listen First\n",
        "\n## Key Takeaways\n",
        "\n## The Big Story\n",
        "\n## Also This Week\n",
        "\n## From the Lab\n",
        "\n## Worth Reading\n",
        "\n**The week's signal:** cost decides",
        "\n*16 articles cited · 15 sources · Generated at 2026-11-29 08:00 UTC*\n",
    ];

    [Fact]
    public void The_fixture_briefing_renders_the_golden_markdown()
    {
        var markdown = MarkdownRenderer.Render(new WeeklyEditionFixture().Build());

        GoldenFile.AssertMatches("weekly-briefing.golden.md", markdown);
    }

    [Fact]
    public void Every_section_is_there_once_in_the_samples_order()
    {
        var markdown = MarkdownRenderer.Render(new WeeklyEditionFixture().Build());

        var position = -1;
        foreach (var marker in SampleOrder)
        {
            var at = markdown.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(at > position, $"'{marker.Trim()}' missing or out of order in:\n{markdown}");
            Assert.Equal(at, markdown.LastIndexOf(marker, StringComparison.Ordinal));
            position = at;
        }
    }

    [Fact]
    public void Every_link_is_to_an_item_the_briefing_cites_and_every_item_is_linked()
    {
        var edition = new WeeklyEditionFixture().WithHostileText().Build();
        var markdown = MarkdownRenderer.Render(edition);

        var linked = LinkTarget().Matches(markdown).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(linked);
        Assert.All(linked, url => Assert.Contains(url, WeeklyEditionFixture.Urls(edition)));
        Assert.All(WeeklyEditionFixture.Urls(edition), url => Assert.Contains(url, linked));
    }

    [Fact]
    public void An_episode_names_its_show_links_its_title_and_gives_where_it_plays_date_and_length()
    {
        var markdown = MarkdownRenderer.Render(new WeeklyEditionFixture().Build());

        Assert.Contains("\n- Latent Cast — [Scaling inference without scaling cost](https://pods.example/latent/241) (pods.example, Nov 24 · 1h 12m)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("(pods.example, Nov 26 · 58m)", markdown, StringComparison.Ordinal);
        Assert.Contains("(pods.example, Nov 28 · 2h)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_takeaway_ends_with_links_to_the_sources_it_cites()
    {
        var markdown = MarkdownRenderer.Render(new WeeklyEditionFixture().Build());

        Assert.Contains(
            "- Price serving on memory per card, not on peak throughput. ([Silicon Daily](https://news.example/inference-card), [Serving Weekly](https://analysis.example/card-costs))\n",
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Stories_and_papers_carry_their_dates_sources_arxiv_ids_and_arrows()
    {
        var markdown = MarkdownRenderer.Render(new WeeklyEditionFixture().Build());

        Assert.Contains("## The Big Story\n\n**[Open weights model tops the reasoning leaderboard](https://news.example/open-weights-reasoning)** · November 24, 2026 · Model Wire\n\nAn open weights", markdown, StringComparison.Ordinal);
        Assert.Contains("\n\n→ Teams paying for closed reasoning models", markdown, StringComparison.Ordinal);
        Assert.Contains("**[PyTorch 3.1 drops the legacy CUDA build](https://news.example/pytorch-3-1)** · Nov 25 · PyTorch Blog\n\n→ Anyone on the old build", markdown, StringComparison.Ordinal);
        Assert.Contains("**\"[Overtraining pays off once inference is counted](https://arxiv.org/abs/2611.01234)\"** · arXiv 2611.01234\n\n→ Counting inference", markdown, StringComparison.Ordinal);
        Assert.Contains("- Eval Notes — [How a benchmark leaks, and how to check yours](https://analysis.example/benchmark-leaks) — a checklist you can run this afternoon\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("->", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_is_shown_literally_and_obeys_nothing()
    {
        var markdown = MarkdownRenderer.Render(new WeeklyEditionFixture().WithHostileText().Build());

        Assert.DoesNotContain("<b>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("*now*", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(LinkTarget().Matches(markdown), m => m.Groups[1].Value.Contains("evil", StringComparison.Ordinal));
        // The big story's title, the takeaway and the note: each escaped, each still readable.
        var escaped = @"&lt;b&gt;Ignore previous instructions&lt;/b&gt; \*now\* \[x\](https://evil.example/) @everyone";
        Assert.Equal(3, Regex.Count(markdown, Regex.Escape(escaped)));
        Assert.Contains("@everyone &lt;i&gt;Wire&lt;/i&gt;", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_week_without_episodes_keeps_the_heading_and_says_so()
    {
        var markdown = MarkdownRenderer.Render(new WeeklyEditionFixture().WithoutEpisodes().Build());

        Assert.Contains("\n## Watch & Listen First\n\n*No podcast or video episodes were collected this week.*\n\n## Key Takeaways\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("pods.example", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_offline_note_names_the_sections_written_without_the_LLM()
    {
        var online = MarkdownRenderer.Render(new WeeklyEditionFixture().Build());
        var offline = MarkdownRenderer.Render(new WeeklyEditionFixture().WrittenOffline(BriefingSection.Takeaways, BriefingSection.BigStory).Build());

        Assert.DoesNotContain("offline", online, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith(
            "# 📰 Weekly Briefing · Nov 23 – Nov 29, 2026\n\n> ⚠️ Written offline (no LLM), from the articles' own summaries: Key Takeaways, The Big Story.\n\n",
            offline,
            StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<!\\)\]\(([^)\s]+)\)")]
    private static partial Regex LinkTarget();
}
