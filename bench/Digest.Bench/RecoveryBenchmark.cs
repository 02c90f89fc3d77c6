using System.Diagnostics;
using Digest.Core.Delivery;
using Digest.TestKit.Telegram;

namespace Digest.Bench;

/// <summary>
/// A crash mid-broadcast: the real CLI (<c>digest send --now</c>, a child process) is killed with SIGKILL once half of
/// the broadcast is out, then started again. Measures how long the restart takes to finish, and what was lost or sent twice.
/// </summary>
internal static class RecoveryBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var subscribers = (int)Arguments.Number(args, "subscribers", 10_000);
        var scale = Arguments.Number(args, "scale", 20);
        var killAt = Arguments.Number(args, "kill-at", 0.5);
        var directory = Directory.CreateTempSubdirectory("digest-recovery-").FullName;
        try
        {
            await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = scale });
            var settings = Broadcast.Settings(telegram, scale);
            int total;
            await using (var app = await BenchHost.StartAsync(settings, delivery: true, directory))
            {
                await Broadcast.SeedAsync(app, subscribers);
                await app.Get<DeliveryPlanner>().PlanEveryoneAsync(default);
                total = (await app.Get<IOutbox>().CountAsync(null, default)).Pending;
            }
            settings["Storage:Path"] = Path.Combine(directory, "digest.db");

            var clock = Stopwatch.StartNew();
            using (var first = SendNow(settings, directory))
            {
                while (telegram.AllMessages.Count < total * killAt && !first.HasExited)
                {
                    await Task.Delay(20);
                }
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }
            var killedAfter = clock.Elapsed;
            var sentBeforeKill = telegram.AllMessages.Count;

            clock.Restart();
            using var second = SendNow(settings, directory);
            await second.WaitForExitAsync();
            var recovery = clock.Elapsed;

            var messages = telegram.AllMessages;
            var duplicates = Broadcast.Duplicates(messages);
            var distinct = messages.Count - duplicates;
            Figures.Heading($"recovery: {subscribers} subscribers, limits ×{scale}, SIGKILL at {killAt:P0} of the broadcast");
            Figures.Print("messages (outbox rows)", total);
            Figures.Print("killed after", $"{killedAfter.TotalSeconds:0.00} s ({sentBeforeKill} sent)");
            Figures.Print("restart until all out", $"{recovery.TotalSeconds:0.00} s (exit code {second.ExitCode})");
            var rest = (total - sentBeforeKill) / (30 * scale);
            Figures.Print("of which sending the rest (minimum)", $"{rest:0.00} s");
            Figures.Print("lost (never received)", total - distinct);
            Figures.Print("duplicated", duplicates);
            Figures.Print("429s received", telegram.TooManyRequests);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The published CLI next to this benchmark (the bench references Digest.App, whose assembly is digest.dll).</summary>
    private static Process SendNow(Dictionary<string, string?> settings, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "digest.dll"));
        start.ArgumentList.Add("send");
        start.ArgumentList.Add("--now");
        foreach (var (key, value) in settings)
        {
            start.Environment["DIGEST__" + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()] = value ?? "";
        }
        start.Environment["DIGEST__LLM__APIKEY"] = "";
        // A home of its own: the developer's user-secrets (a real bot token, say) must not reach the child.
        start.Environment["HOME"] = workingDirectory;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start digest send --now");
        // Drained so a chatty child never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}
