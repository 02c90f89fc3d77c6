using Digest.Core.Articles;
using Digest.Core.Collecting;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;

namespace Digest.Integration.Tests.Pipeline;

/// <summary>
/// A run is polite per host (a small lane per server) and fast across hosts (every server at once), and stores each
/// feed as it arrives. The fake feed server answers on several loopback addresses, each a host of its own.
/// </summary>
public sealed class PoliteCollectingTests
{
    [Fact]
    public async Task Feeds_of_one_host_are_fetched_two_at_a_time_while_the_other_hosts_are_fetched_alongside()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TestDirectory();
        await using var server = await FeedServer.StartAsync(hosts: 3, guard.Token);
        server.Latency = TimeSpan.FromMilliseconds(500);
        var sources = Enumerable.Range(0, 6).Select(i => Publish(server, $"/crowded/{i}", host: 0))
            .Append(Publish(server, "/alone/1", host: 1))
            .Append(Publish(server, "/alone/2", host: 2))
            .ToList();
        await using var app = await TestApp.StartAsync(dir, PipelineSettings.Fast(), delivery: false);

        var report = await app.Get<Collector>().CollectAsync(sources, null, guard.Token);

        Assert.Equal(8, report.SourcesOk);
        Assert.Equal(2, server.MostAtOnce(host: 0));
        Assert.Equal(1, server.MostAtOnce(host: 1));
        Assert.Equal(1, server.MostAtOnce(host: 2));
        Assert.Equal(4, server.MostAtOnceOverall);
    }

    [Fact]
    public async Task Feeds_PerHost_sets_the_lane_of_each_host()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TestDirectory();
        await using var server = await FeedServer.StartAsync(hosts: 2, guard.Token);
        server.Latency = TimeSpan.FromMilliseconds(300);
        var sources = Enumerable.Range(0, 3).Select(i => Publish(server, $"/one-lane/{i}", host: 0))
            .Concat(Enumerable.Range(0, 3).Select(i => Publish(server, $"/one-lane/other/{i}", host: 1)))
            .ToList();
        var settings = PipelineSettings.Fast();
        settings["Feeds:PerHost"] = "1";
        await using var app = await TestApp.StartAsync(dir, settings, delivery: false);

        var report = await app.Get<Collector>().CollectAsync(sources, null, guard.Token);

        Assert.Equal(6, report.SourcesOk);
        Assert.Equal(1, server.MostAtOnce(host: 0));
        Assert.Equal(1, server.MostAtOnce(host: 1));
        Assert.Equal(2, server.MostAtOnceOverall);
    }

    [Fact]
    public async Task A_feed_that_has_arrived_is_stored_while_a_slow_one_is_still_coming_and_stays_when_the_run_is_stopped()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TestDirectory();
        await using var server = await FeedServer.StartAsync(hosts: 2, guard.Token);
        var quick = Publish(server, "/quick", host: 0);
        var slow = new FeedSource(server.Url(HostileFeeds.Drip, host: 1).AbsoluteUri, "slow");
        var settings = PipelineSettings.Fast();
        // The drip never ends on its own within the test: only stopping the run ends it.
        settings["Feeds:Timeout"] = "00:05:00";
        settings["Feeds:Deadline"] = "00:05:00";
        await using var app = await TestApp.StartAsync(dir, settings, delivery: false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(guard.Token);

        var run = app.Get<Collector>().CollectAsync([slow, quick], null, stop.Token);
        var stored = await WaitForArticlesAsync(app.Get<IArticleStore>(), guard.Token);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(["Quick post 0", "Quick post 1"], stored.Select(a => a.Title).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await app.Get<IArticleStore>().GetSinceAsync(DateTimeOffset.UtcNow.AddDays(-1), guard.Token)).Count);
    }

    private static FeedSource Publish(FeedServer server, string path, int host)
    {
        var title = path.StartsWith("/quick", StringComparison.Ordinal) ? "Quick post" : "Post " + path;
        var items = Enumerable.Range(0, 2).Select(i => new TestFeedItem(
            $"{title} {i}", $"https://site{host}.example{path}/{i}", Html: $"<p>Body {i} of {path}.</p>", Published: DateTimeOffset.UtcNow.AddHours(-i)));
        return new FeedSource(server.Publish(path, FeedFormat.Rss20, items, "Feed " + path, host).AbsoluteUri, "Feed " + path);
    }

    private static async Task<IReadOnlyList<Article>> WaitForArticlesAsync(IArticleStore articles, CancellationToken ct)
    {
        while (true)
        {
            var stored = await articles.GetSinceAsync(DateTimeOffset.UtcNow.AddDays(-1), ct);
            if (stored.Count > 0)
            {
                return stored;
            }
            await Task.Delay(50, ct);
        }
    }
}
