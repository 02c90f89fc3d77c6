using System.Globalization;
using Digest.App.Jobs;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Integration.Tests.Hosting;

public sealed class DeliveryPlannerServiceTests
{
    [Fact]
    public async Task The_planner_keeps_planning_after_a_pass_fails_and_delivers_once_the_database_is_writable_again()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = 10 });
        var settings = TestApp.Telegram(telegram.BaseUrl, rateScale: 10);
        settings["Delivery:PlanEvery"] = "00:00:00.200";
        var logs = new LogRecorder();
        await using var service = await RunningService.BuildAsync(dir.DatabasePath, settings, s => s.AddSingleton<ILoggerProvider>(logs));
        var now = DateTimeOffset.UtcNow;
        await Seed.EditionAsync(service.Services, now);
        // Due five minutes ago, subscribed yesterday: every pass owes them today's edition.
        await service.Get<ISubscriberStore>().SaveAsync(
            Subscriber.New("telegram", 801.ToString(CultureInfo.InvariantCulture), ChatKind.Private, null, now.AddDays(-1)) with
            {
                Active = true,
                Frequency = Frequency.Daily,
                DeliveryTime = TimeOnly.FromDateTime(now.UtcDateTime.AddMinutes(-5)),
            },
            default);

        // A real storage failure, immediate and undone cleanly: while the table is away every planning pass fails with
        // "no such table". (A held write lock would do too, but the SQLite driver retries a busy database for 30 s.)
        await using (var other = new SqliteConnection($"Data Source={dir.DatabasePath};Pooling=False"))
        {
            await other.OpenAsync();
            await ExecuteAsync(other, "ALTER TABLE subscribers RENAME TO subscribers_away;");

            await service.StartAsync();
            await telegram.WaitUntilAsync(() => PlannerErrors(logs) >= 2, "two planning passes to fail");
            Assert.Empty(telegram.Messages(801));

            await ExecuteAsync(other, "ALTER TABLE subscribers_away RENAME TO subscribers;");
        }

        var received = await telegram.WaitForMessagesAsync(801, 1, TimeSpan.FromSeconds(30));

        Assert.NotEmpty(received);
        Assert.Contains(logs.Entries, e => e.Category == typeof(DeliveryPlannerService).FullName
            && e.Message.StartsWith("Planning deliveries failed", StringComparison.Ordinal) && e.Exception is SqliteException);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static int PlannerErrors(LogRecorder logs) =>
        logs.Entries.Count(e => e.Category == typeof(DeliveryPlannerService).FullName && e.Level == LogLevel.Error);
}
