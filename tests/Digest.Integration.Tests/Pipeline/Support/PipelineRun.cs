using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;

namespace Digest.Integration.Tests.Pipeline.Support;

/// <summary>
/// The real app on a fresh database, with fixture feeds on a <see cref="FeedServer"/> dated from the real clock,
/// collected once; <see cref="ComposeAsync"/> then composes and renders as the CLI does.
/// </summary>
public sealed class PipelineRun : IAsyncDisposable
{
    private readonly TestDirectory _directory;
    private readonly FeedServer _feeds;

    private PipelineRun(TestDirectory directory, FeedServer feeds, TestApp app, IReadOnlyList<FeedSource> sources, CollectReport report)
    {
        _directory = directory;
        _feeds = feeds;
        App = app;
        Sources = sources;
        Report = report;
    }

    public TestApp App { get; }

    public IReadOnlyList<FeedSource> Sources { get; }

    public CollectReport Report { get; }

    public static async Task<PipelineRun> CollectAsync(IEnumerable<FixtureFeed> fixtures, IDictionary<string, string?> settings, CancellationToken ct)
    {
        var directory = new TestDirectory();
        FeedServer? feeds = null;
        TestApp? app = null;
        try
        {
            feeds = await FeedServer.StartAsync(ct);
            var sources = FixtureFeed.PublishAll(feeds, fixtures, DateTimeOffset.UtcNow);
            app = await TestApp.StartAsync(directory, settings, delivery: false);
            var report = await app.Get<Collector>().CollectAsync(sources, null, ct);
            return new PipelineRun(directory, feeds, app, sources, report);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            if (feeds is not null)
            {
                await feeds.DisposeAsync();
            }
            directory.Dispose();
            throw;
        }
    }

    public async Task<(Edition Edition, string Markdown)> ComposeAsync(CancellationToken ct)
    {
        var edition = await App.Get<DailyEditionService>().ComposeAsync(null, null, ct);
        return (edition, MarkdownRenderer.Render(edition));
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _feeds.DisposeAsync();
        _directory.Dispose();
    }
}
