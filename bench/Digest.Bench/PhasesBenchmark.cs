using System.Diagnostics;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.TestKit.Feeds;
using Digest.TestKit.OpenAi;

namespace Digest.Bench;

/// <summary>
/// The cold path of <c>generate</c> in this process, phase by phase (collect: fetch, parse, store, stories; compose:
/// assess, write up, highlight), with the GC's share: where the CPU of a cold edition goes. For profiling; the
/// figures to quote come from <see cref="GenerateBenchmark"/>, which runs the app as a user does.
/// </summary>
internal static class PhasesBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        await using var server = await FeedServer.StartAsync(hosts: 92);
        server.Latency = TimeSpan.FromMilliseconds(Arguments.Number(args, "latency", 200));
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.EstimateTokens = true;
        var sources = BenchFeeds.Publish(server, 92, 27, DateTimeOffset.UtcNow);
        var offline = args.Contains("--offline");
        await using var app = await BenchHost.StartAsync(new()
        {
            ["Llm:ApiKey"] = offline ? "" : "bench-key",
            ["Llm:Endpoint"] = llm.Endpoint.ToString(),
            ["Llm:Model"] = "bench-model",
        }, delivery: false);

        Figures.Heading($"phases of a cold generate in this process ({(offline ? "offline" : "fake LLM at 0 ms")}; CPU includes the fakes')");
        var report = await PhaseAsync("collect", () => app.Get<Collector>().CollectAsync(sources, null, default));
        Figures.Print("  new articles", report.NewArticles);
        var edition = await PhaseAsync("compose", () => app.Get<DailyEditionService>().ComposeAsync(new EditionRequest(TimeSpan.FromHours(72), 15, Store: false), null, default));
        Figures.Print("  items / LLM calls", $"{edition.Items.Count} / {llm.TotalCalls}");
        Figures.Print("peak working set", $"{Figures.PeakWorkingSetMb()} MB");
    }

    private static async Task<T> PhaseAsync<T>(string name, Func<Task<T>> phase)
    {
        var cpu = Figures.Cpu();
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes();
        var jit = System.Runtime.JitInfo.GetCompilationTime();
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var clock = Stopwatch.StartNew();
        long mostHeap = 0, mostPromoted = 0, mostLoh = 0, mostGen0 = 0, mostGen2 = 0;
        using var sampling = new Timer(_ =>
        {
            var info = GC.GetGCMemoryInfo();
            mostHeap = Math.Max(mostHeap, GC.GetTotalMemory(false));
            mostPromoted = Math.Max(mostPromoted, info.PromotedBytes);
            if (info.GenerationInfo.Length > 3)
            {
                mostGen0 = Math.Max(mostGen0, info.GenerationInfo[0].SizeBeforeBytes);
                mostGen2 = Math.Max(mostGen2, info.GenerationInfo[2].SizeBeforeBytes);
                mostLoh = Math.Max(mostLoh, info.GenerationInfo[3].SizeBeforeBytes);
            }
        }, null, 0, 20);
        var result = await phase();
        Figures.Print(name, $"wall {clock.ElapsedMilliseconds} ms, CPU {(Figures.Cpu() - cpu).TotalMilliseconds:0} ms, "
            + $"GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0} ms, allocated {(GC.GetTotalAllocatedBytes() - allocated) >> 20} MB, "
            + $"JIT {(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds:0} ms for {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted} methods, "
            + $"GC heap after {GC.GetGCMemoryInfo().HeapSizeBytes >> 20} MB, most heap {mostHeap >> 20} MB, most promoted {mostPromoted >> 20} MB, gen0/gen2/LOH before a GC at most {mostGen0 >> 20}/{mostGen2 >> 20}/{mostLoh >> 20} MB, peak working set so far {Figures.PeakWorkingSetMb()} MB");
        return result;
    }
}
