using Digest.Core.Articles;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Core.Weekly;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;
using Digest.TestKit.Golden;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Pipeline;

public sealed class BriefingGoldenTests
{
    private static readonly string[] SectionsInOrder =
        ["Watch & Listen", "Key Takeaways", "The Big Story", "Also This Week", "From the Lab", "Worth Reading", "The week's signal"];

    [Fact]
    public async Task A_fixed_week_on_a_fixed_clock_renders_the_golden_weekly_markdown_offline()
    {
        var (edition, markdown, _) = await RunAsync();

        Assert.True(edition.AssessedOffline);
        Assert.Equal(BriefingRules.Every, edition.Briefing!.OfflineSections.ToHashSet());
        var at = SectionsInOrder.Select(s => markdown.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i >= 0, markdown));
        Assert.Equal(at.Order(), at);
        GoldenFile.AssertMatches("Golden/weekly-briefing.md", markdown);
    }

    [Fact]
    public async Task Every_entry_cites_a_stored_article_of_the_week_and_every_link_is_one()
    {
        var (edition, markdown, stored) = await RunAsync();
        var briefing = edition.Briefing!;

        var cited = briefing.Cited().ToList();
        Assert.Equal(cited.Order(), stored.Select(a => a.Id).Intersect(cited).Order());
        Assert.All(stored.Where(a => cited.Contains(a.Id)), a => Assert.True(a.PublishedAt >= BriefingWeek.Now.AddDays(-7), a.Title));
        Assert.Equal(cited.Order(), edition.Items.Select(i => i.ArticleId).Order());
        Assert.Equal(3, briefing.WatchAndListen.Count);
        Assert.Equal(["2507.14805", "2611.01411"], briefing.FromTheLab.Select(p => p.ArxivId).Order());
        Assert.Contains(edition.Items, i => i.Duration == new TimeSpan(1, 12, 30));
        var urls = stored.Select(a => a.CanonicalUrl).ToHashSet();
        foreach (var link in MarkdownLinks(markdown))
        {
            Assert.Contains(link, urls);
        }
        Assert.DoesNotContain("anthropic.example/old", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("latent.example/old", markdown, StringComparison.Ordinal);
    }

    /// <summary>The real pipeline on a fresh database: collect the week's feeds, compose offline, render Markdown.</summary>
    internal static async Task<(Edition Edition, string Markdown, IReadOnlyList<Article> Stored)> RunAsync(Dictionary<string, string?>? extra = null)
    {
        using var dir = new TestDirectory();
        await using var feeds = await FeedServer.StartAsync();
        var (sources, settings) = BriefingWeek.Publish(feeds, dir.Path);
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        var clock = new FakeTimeProvider(BriefingWeek.Now);
        await using var app = await TestApp.StartAsync(dir, settings, services => services.AddSingleton<TimeProvider>(clock), delivery: false);

        var report = await app.Get<Collector>().CollectAsync(sources, null, CancellationToken.None);
        Assert.Empty(report.Failures);
        var edition = await app.Get<WeeklyEditionService>().ComposeAsync(new WeeklyRequest(Store: false), null, CancellationToken.None);
        var stored = await app.Get<IArticleStore>().GetSinceAsync(BriefingWeek.Now.AddDays(-60), CancellationToken.None);
        return (edition!, MarkdownRenderer.Render(edition!), stored);
    }

    private static IEnumerable<string> MarkdownLinks(string markdown)
    {
        for (var at = markdown.IndexOf("](", StringComparison.Ordinal); at >= 0; at = markdown.IndexOf("](", at + 2, StringComparison.Ordinal))
        {
            // An escaped bracket is text (a hostile title's fake link), not a link.
            if (markdown[at - 1] == '\\')
            {
                continue;
            }
            var end = markdown.IndexOf(')', at + 2);
            yield return markdown[(at + 2)..end];
        }
    }
}
