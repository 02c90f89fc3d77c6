using System.Collections.Concurrent;
using System.Diagnostics;
using Digest.Core.Collecting;
using Digest.TestKit.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Bench;

/// <summary>
/// A collection run over 92 local feeds (~2,500 posts of 2–3 k characters), each on its own loopback host as real
/// feeds are, each answering after 200 ms: how close the run comes to the slowest single feed (the floor for
/// concurrent fetching), and what it costs in CPU and memory. <c>--hosts 1</c> puts them all on one host instead.
/// </summary>
internal static class CollectBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var feeds = (int)Arguments.Number(args, "feeds", 92);
        var items = (int)Arguments.Number(args, "items", 27);
        await using var server = await FeedServer.StartAsync(hosts: (int)Arguments.Number(args, "hosts", feeds));
        server.Latency = TimeSpan.FromMilliseconds(Arguments.Number(args, "latency", 200));
        var sources = BenchFeeds.Publish(server, feeds, items, DateTimeOffset.UtcNow);
        var timed = new ConcurrentBag<TimeSpan>();

        if (args.Contains("--jitted"))
        {
            // One throwaway run first, on its own database: what follows is the steady state, without start-up and JIT.
            await using var warmUp = await BenchHost.StartAsync(new(), delivery: false);
            await warmUp.Get<Collector>().CollectAsync(sources, null, default);
        }
        var defaults = new CollectOptions();
        var concurrency = (int)Arguments.Number(args, "concurrency", defaults.MaxConcurrency);
        var perHost = (int)Arguments.Number(args, "per-host", defaults.PerHost);
        await using var app = await BenchHost.StartAsync(new()
        {
            ["Feeds:MaxConcurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Feeds:PerHost"] = perHost.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
        Figures.Heading($"collect: {feeds} feeds × {items} posts on {server.Hosts.Count} loopback hosts, {server.Latency.TotalMilliseconds:0} ms latency each, "
            + $"concurrency {concurrency}, {perHost} per host");
        Figures.Print("sources ok / total", $"{report.SourcesOk}/{report.SourcesTotal}");
        Figures.Print("items fetched / new articles", $"{report.ItemsFetched} / {report.NewArticles}");
        Figures.Print("wall time", $"{wall.TotalMilliseconds:0} ms");
        Figures.Print("slowest single feed", $"{slowest.TotalMilliseconds:0} ms");
        Figures.Print("wall ÷ slowest feed", (wall / slowest).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        var rounds = Math.Max(Math.Ceiling(feeds / (double)concurrency), Math.Ceiling(Math.Ceiling(feeds / (double)server.Hosts.Count) / perHost));
        var floor = rounds * server.Latency.TotalMilliseconds;
        Figures.Print("floor at these limits", $"{floor:0} ms ({rounds:0} × latency)");
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
