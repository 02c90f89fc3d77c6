using System.Diagnostics;
using Digest.TestKit.Feeds;
using Digest.TestKit.OpenAi;
using Microsoft.Data.Sqlite;

namespace Digest.Bench;

/// <summary>
/// <c>digest run</c> in its own process over the 92 bench feeds and the fake LLM: its memory once the first collect
/// and assessment are done and it idles until the next (the service spends nearly all its life so).
/// </summary>
internal static class IdleBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var app = Arguments.Text(args, "app") ?? Path.Combine(AppContext.BaseDirectory, "digest.dll");
        var idle = TimeSpan.FromSeconds(Arguments.Number(args, "idle", 15));
        await using var server = await FeedServer.StartAsync(hosts: 92);
        server.Latency = TimeSpan.FromMilliseconds(200);
        await using var llm = await FakeOpenAiServer.StartAsync();
        var work = Directory.CreateTempSubdirectory("digest-bench-idle-").FullName;
        try
        {
            var feeds = (int)Arguments.Number(args, "feeds", 92);
            var opml = BenchFeeds.WriteOpml(BenchFeeds.Publish(server, feeds, 27, DateTimeOffset.UtcNow), Path.Combine(work, "feeds.opml"));
            var database = Path.Combine(work, "digest.db");
            var start = new ProcessStartInfo(app.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : app)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            if (app.EndsWith(".dll", StringComparison.Ordinal))
            {
                start.ArgumentList.Add(app);
            }
            start.ArgumentList.Add("run");
            start.Environment["DIGEST__STORAGE__PATH"] = database;
            start.Environment["DIGEST__FEEDS__OPML"] = opml;
            start.Environment["DIGEST__LLM__APIKEY"] = "bench-key";
            start.Environment["DIGEST__LLM__ENDPOINT"] = llm.Endpoint.ToString();
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            try
            {
                var clock = Stopwatch.StartNew();
                // Collected, and the assessment that follows has made its calls: none for two seconds.
                var settled = -1;
                while (!await CollectedAsync(database) || llm.TotalCalls == 0 || llm.TotalCalls != settled)
                {
                    if (process.HasExited || clock.Elapsed > TimeSpan.FromMinutes(2))
                    {
                        throw new InvalidOperationException("digest run did not finish its first collect and assessment: "
                            + (process.HasExited ? errors.Result : "still running after 2 minutes"));
                    }
                    settled = llm.TotalCalls;
                    await Task.Delay(TimeSpan.FromSeconds(2));
                }
                var afterCollect = Status(process.Id);
                await Task.Delay(idle);
                var idling = Status(process.Id);
                var mappings = LargestMappings(process.Id);

                Figures.Heading($"idle: digest run after its first collect of {feeds} feeds × 27 posts and {settled} LLM calls, then {idle.TotalSeconds:0} s idle");
                Figures.Print("app", app);
                Figures.Print("RSS once the assessment is done", $"{afterCollect.Rss} MB");
                Figures.Print($"RSS after {idle.TotalSeconds:0} s idle", $"{idling.Rss} MB ({idling.Anonymous} MB anonymous, {idling.Files} MB mapped files)");
                Figures.Print("peak RSS (VmHWM)", $"{idling.Peak} MB");
                Figures.Print("largest resident mappings", string.Join(", ", mappings));
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<bool> CollectedAsync(string database)
    {
        if (!File.Exists(database))
        {
            return false;
        }
        try
        {
            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM collect_reports";
            return (long)(await command.ExecuteScalarAsync() ?? 0L) > 0;
        }
        catch (SqliteException)
        {
            // Not migrated yet.
            return false;
        }
    }

    /// <summary>What is resident, by mapping (file name, or the kind of anonymous memory), largest first.</summary>
    private static List<string> LargestMappings(int pid)
    {
        var resident = new Dictionary<string, long>(StringComparer.Ordinal);
        var name = "";
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                name = fields.Length >= 6 ? Path.GetFileName(fields[5]) : "[anonymous]";
            }
            else if (fields.Length >= 2 && fields[0] == "Rss:")
            {
                resident[name] = resident.GetValueOrDefault(name) + long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return resident.OrderByDescending(r => r.Value).Take(8).Select(r => $"{r.Key} {r.Value / 1024} MB").ToList();
    }

    /// <summary>Resident and peak resident memory of a running process, from /proc.</summary>
    private static (long Rss, long Peak, long Anonymous, long Files) Status(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/status");
        long Kb(string key) => long.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return (Kb("VmRSS:") / 1024, Kb("VmHWM:") / 1024, Kb("RssAnon:") / 1024, Kb("RssFile:") / 1024);
    }
}
