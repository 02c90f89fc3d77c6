using Digest.App.Jobs;
using Digest.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Digest.Integration.Tests.Hosting;

public sealed class RetentionJobTests
{
    private static readonly JobKey Retention = new("retention");

    [Fact]
    public async Task The_retention_job_prunes_through_the_scheduler_and_logs_what_it_deleted()
    {
        using var dir = new TestDirectory();
        var logs = new LogRecorder();
        await using var service = await RunningService.BuildAsync(dir.DatabasePath, new Dictionary<string, string?>(), s => s.AddSingleton<ILoggerProvider>(logs));
        await service.StartAsync();

        await (await service.Get<ISchedulerFactory>().GetScheduler()).TriggerJob(Retention);

        var pruned = Assert.Single(await WaitForAsync(logs, LogLevel.Information, 1));
        Assert.StartsWith("Retention pruned 0 rows: 0 outbox rows, 0 deliveries,", pruned.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_prune_is_logged_and_the_next_run_still_happens()
    {
        using var dir = new TestDirectory();
        var databasePath = Path.Combine(dir.Path, "data", "digest.db");
        var logs = new LogRecorder();
        await using var service = await RunningService.BuildAsync(databasePath, new Dictionary<string, string?>(), s => s.AddSingleton<ILoggerProvider>(logs));
        await service.StartAsync();
        UnreachableDatabase.Make(databasePath);
        var scheduler = await service.Get<ISchedulerFactory>().GetScheduler();

        await scheduler.TriggerJob(Retention);
        await WaitForAsync(logs, LogLevel.Error, 1);
        await scheduler.TriggerJob(Retention);
        var failures = await WaitForAsync(logs, LogLevel.Error, 2);

        Assert.All(failures, f => Assert.StartsWith("Pruning old rows failed; trying again in 06:00:00", f.Message, StringComparison.Ordinal));
        Assert.All(failures, f => Assert.NotNull(f.Exception));
    }

    private static async Task<List<LogEntry>> WaitForAsync(LogRecorder logs, LogLevel level, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var entries = logs.Entries.Where(e => e.Category == typeof(RetentionJob).FullName && e.Level == level).ToList();
            if (entries.Count >= count)
            {
                return entries;
            }
            Assert.True(DateTime.UtcNow < deadline, $"the retention job logged {entries.Count} of {count} entries at {level}");
            await Task.Delay(50);
        }
    }
}
