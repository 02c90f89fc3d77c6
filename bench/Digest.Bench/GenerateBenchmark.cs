using System.Diagnostics;
using System.Globalization;
using Digest.TestKit.Feeds;
using Digest.TestKit.OpenAi;
using Microsoft.Data.Sqlite;

namespace Digest.Bench;

/// <summary>
/// The README's main job as a user runs it: <c>digest generate</c> in its own process on a fresh database (cold), then
/// again on the same one (warm), over 92 local feeds on 92 loopback hosts at 200 ms latency and the fake LLM at 0 ms.
/// Wall, CPU and peak RSS come from <c>/usr/bin/time</c>; LLM calls and tokens from the app's own usage log.
/// </summary>
internal static class GenerateBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var runs = (int)Arguments.Number(args, "runs", 3);
        var feeds = (int)Arguments.Number(args, "feeds", 92);
        var items = (int)Arguments.Number(args, "items", 27);
        var app = Arguments.Text(args, "app") ?? Path.Combine(AppContext.BaseDirectory, "digest.dll");
        await using var server = await FeedServer.StartAsync(hosts: (int)Arguments.Number(args, "hosts", feeds));
        server.Latency = TimeSpan.FromMilliseconds(Arguments.Number(args, "latency", 200));
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.EstimateTokens = true;
        var offline = args.Contains("--offline");

        var work = Directory.CreateTempSubdirectory("digest-bench-generate-").FullName;
        try
        {
            var sources = BenchFeeds.Publish(server, feeds, items, DateTimeOffset.UtcNow);
            var opml = BenchFeeds.WriteOpml(sources, Path.Combine(work, "feeds.opml"));
            var cold = new List<Run>();
            var warm = new List<Run>();
            for (var run = 0; run < runs; run++)
            {
                var database = Path.Combine(work, $"run{run}.db");
                var environment = new Dictionary<string, string>
                {
                    ["DIGEST__STORAGE__PATH"] = database,
                    ["DIGEST__FEEDS__OPML"] = opml,
                    ["DIGEST__LLM__APIKEY"] = offline ? "" : "bench-key",
                    ["DIGEST__LLM__ENDPOINT"] = llm.Endpoint.ToString(),
                    ["DIGEST__LLM__MODEL"] = "bench-model",
                };
                cold.Add(await RunOnceAsync(app, environment, database, work));
                if (Arguments.Text(args, "out") is { } keep)
                {
                    // The cold edition as a reader gets it, to look at after the figures.
                    File.Copy(Path.Combine(work, "digest.md"), keep, overwrite: true);
                }
                warm.Add(await RunOnceAsync(app, environment, database, work));
            }

            Figures.Heading($"generate: {feeds} feeds × {items} posts on {server.Hosts.Count} loopback hosts, {server.Latency.TotalMilliseconds:0} ms latency, "
                + $"--hours 72 --top 15, {(offline ? "offline" : "fake LLM at 0 ms")}, {runs} runs (min / median / max)");
            Figures.Print("app", app);
            Print("cold", cold);
            Print("warm", warm);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Print(string label, List<Run> runs)
    {
        Figures.Print($"{label}: wall", Figures.Spread(runs.Select(r => r.Wall), "0.00", "s"));
        Figures.Print($"{label}: CPU (user + sys)", Figures.Spread(runs.Select(r => r.Cpu), "0.00", "s"));
        Figures.Print($"{label}: peak RSS", Figures.Spread(runs.Select(r => r.PeakMb), "0", "MB"));
        var last = runs[^1];
        Figures.Print($"{label}: sources read", last.Sources);
        Figures.Print($"{label}: LLM calls", string.Join(", ", last.Usage.Select(u => $"{u.Purpose} {u.Calls}").DefaultIfEmpty("none")) + $" (total {last.Usage.Sum(u => u.Calls)})");
        Figures.Print($"{label}: prompt tokens", string.Join(", ", last.Usage.Select(u => $"{u.Purpose} {u.Prompt}").DefaultIfEmpty("none")) + $" (total {last.Usage.Sum(u => u.Prompt)})");
        Figures.Print($"{label}: completion tokens", last.Usage.Sum(u => u.Completion));
    }

    private static async Task<Run> RunOnceAsync(string app, Dictionary<string, string> environment, string database, string work)
    {
        var before = await UsageAsync(database);
        var timing = Path.Combine(work, "time.txt");
        var output = Path.Combine(work, "digest.md");
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in (string[])["-f", "%e %U %S %M", "-o", timing])
        {
            start.ArgumentList.Add(arg);
        }
        if (app.EndsWith(".dll", StringComparison.Ordinal))
        {
            start.ArgumentList.Add("dotnet");
        }
        foreach (var arg in (string[])[app, "generate", "--hours", "72", "--top", "15", "--out", output])
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"digest generate exited with {process.ExitCode}: {await stderr}");
        }
        var figures = (await File.ReadAllTextAsync(timing)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var after = await UsageAsync(database);
        var usage = after
            .Select(a => a with
            {
                Calls = a.Calls - before.Where(b => b.Purpose == a.Purpose).Sum(b => b.Calls),
                Prompt = a.Prompt - before.Where(b => b.Purpose == a.Purpose).Sum(b => b.Prompt),
                Completion = a.Completion - before.Where(b => b.Purpose == a.Purpose).Sum(b => b.Completion),
            })
            .Where(u => u.Calls > 0)
            .ToList();
        return new Run(figures[0], figures[1] + figures[2], figures[3] / 1024, await SourcesAsync(database), usage);
    }

    private static async Task<List<Usage>> UsageAsync(string database)
    {
        if (!File.Exists(database))
        {
            return [];
        }
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT purpose, COUNT(*), SUM(prompt_tokens), SUM(completion_tokens) FROM llm_usage GROUP BY purpose ORDER BY purpose";
        await using var reader = await command.ExecuteReaderAsync();
        var usage = new List<Usage>();
        while (await reader.ReadAsync())
        {
            usage.Add(new Usage(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3)));
        }
        return usage;
    }

    private static async Task<string> SourcesAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // The collect's own span, as the app recorded it: fetching, parsing, storing and grouping, without start-up.
        command.CommandText = "SELECT sources_ok || '/' || sources_total || ', collect took ' || (finished_at - started_at) || ' ms' FROM collect_reports ORDER BY id DESC LIMIT 1";
        return (string?)await command.ExecuteScalarAsync() ?? "none";
    }

    private sealed record Run(double Wall, double Cpu, double PeakMb, string Sources, List<Usage> Usage);

    private sealed record Usage(string Purpose, int Calls, long Prompt, long Completion);
}
