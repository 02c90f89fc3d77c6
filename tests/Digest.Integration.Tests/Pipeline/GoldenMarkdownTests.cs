using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;
using Digest.TestKit.Golden;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Pipeline;

public sealed class GoldenMarkdownTests
{
    private const string Placeholder = "http://feed-server.test/";

    [Fact]
    public async Task Four_feeds_in_four_formats_on_a_fixed_clock_render_the_golden_markdown_byte_for_byte()
    {
        var (report, edition, markdown) = await RunGoldenAsync();

        // The run itself, before the text: every feed read, every item stored, the old one outside the window.
        Assert.Empty(report.Failures);
        Assert.Equal(4, report.SourcesOk);
        Assert.Equal(9, report.ItemsFetched);
        Assert.True(edition.AssessedOffline);
        Assert.Equal(GoldenFixtures.InWindow.Count(), edition.Items.Count);
        GoldenFile.AssertMatches("Golden/daily-edition.md", markdown);
    }

    [Fact]
    public async Task The_same_feeds_on_the_same_clock_render_the_same_markdown_in_a_fresh_app()
    {
        var first = await RunGoldenAsync();
        var second = await RunGoldenAsync();

        Assert.Equal(first.Markdown, second.Markdown);
    }

    /// <summary>The real pipeline (offline assessor) on a fresh database and feed server, with the fixed clock as the app's TimeProvider.</summary>
    private static async Task<(CollectReport Report, Edition Edition, string Markdown)> RunGoldenAsync()
    {
        using var dir = new TestDirectory();
        await using var feeds = await FeedServer.StartAsync();
        var sources = FixtureFeed.PublishAll(feeds, GoldenFixtures.Feeds, GoldenFixtures.Now);
        var clock = new FakeTimeProvider(GoldenFixtures.Now);
        await using var app = await TestApp.StartAsync(
            dir,
            PipelineSettings.Fast(),
            services => services.AddSingleton<TimeProvider>(clock),
            delivery: false);

        var report = await app.Get<Collector>().CollectAsync(sources, null, CancellationToken.None);
        var edition = await app.Get<DailyEditionService>().ComposeAsync(null, null, CancellationToken.None);
        // No link points at the feed server; should one ever, its port must not make the golden flaky.
        var markdown = MarkdownRenderer.Render(edition).Replace(feeds.BaseAddress.AbsoluteUri, Placeholder, StringComparison.Ordinal);
        return (report, edition, markdown);
    }
}
