using System.Collections.Concurrent;
using System.Diagnostics;
using Digest.Core.Collecting;
using Digest.TestKit.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Bench;

/// <summary>
/// A collection run over 92 local feeds (~2,500 items) that each answer after 200 ms: how close the run comes to the
/// slowest single feed (the floor for concurrent fetching), and what it costs in CPU and memory.
/// </summary>
internal static class CollectBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var feeds = (int)Arguments.Number(args, "feeds", 92);
        var items = (int)Arguments.Number(args, "items", 27);
        await using var server = await FeedServer.StartAsync();
        server.Latency = TimeSpan.FromMilliseconds(Arguments.Number(args, "latency", 200));
        var sources = server.PublishMany(feeds, items);
        var timed = new ConcurrentBag<TimeSpan>();

        var concurrency = (int)Arguments.Number(args, "concurrency", 16);
        await using var app = await BenchHost.StartAsync(new()
        {
            ["Feeds:MaxConcurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, delivery: false);
        var fetcher = app.Get<IFeedFetcher>();
        var collector = ActivatorUtilities.CreateInstance<Collector>(app.Services, new TimedFetcher(fetcher, timed));

        var cpu = Figures.Cpu();
        var clock = Stopwatch.StartNew();
        var report = await collector.CollectAsync(sources, null, default);
        var wall = clock.Elapsed;
        var cpuUsed = Figures.Cpu() - cpu;

        // The same feeds again: every one answers 304 Not Modified.
        clock.Restart();
        var again = await collector.CollectAsync(sources, null, default);
        var secondWall = clock.Elapsed;

        var slowest = timed.Max();
        Figures.Heading($"collect: {feeds} feeds × {items} items, {server.Latency.TotalMilliseconds:0} ms latency each, concurrency {concurrency}");
        Figures.Print("sources ok / total", $"{report.SourcesOk}/{report.SourcesTotal}");
        Figures.Print("items fetched / new articles", $"{report.ItemsFetched} / {report.NewArticles}");
        Figures.Print("wall time", $"{wall.TotalMilliseconds:0} ms");
        Figures.Print("slowest single feed", $"{slowest.TotalMilliseconds:0} ms");
        Figures.Print("wall ÷ slowest feed", (wall / slowest).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        var floor = Math.Ceiling(feeds / (double)concurrency) * server.Latency.TotalMilliseconds;
        Figures.Print("floor at this concurrency", $"{floor:0} ms (⌈{feeds}/{concurrency}⌉ × latency)");
        Figures.Print("wall ÷ floor", (wall.TotalMilliseconds / floor).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Figures.Print("CPU time", $"{cpuUsed.TotalMilliseconds:0} ms");
        Figures.Print("peak working set", $"{Figures.PeakWorkingSetMb()} MB");
        Figures.Print("second run (all 304)", $"{secondWall.TotalMilliseconds:0} ms, {again.NewArticles} new");
    }

    /// <summary>Times each fetch, so the run can be compared with its slowest feed.</summary>
    private sealed class TimedFetcher(IFeedFetcher inner, ConcurrentBag<TimeSpan> times) : IFeedFetcher
    {
        public async Task<FeedFetchResult> FetchAsync(FeedSource source, FeedHealth health, CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            var result = await inner.FetchAsync(source, health, ct);
            times.Add(clock.Elapsed);
            return result;
        }
    }
}
