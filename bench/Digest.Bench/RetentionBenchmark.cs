using System.Globalization;
using Digest.Core.Articles;
using Digest.Core.Collecting;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Retention;
using Digest.Core.Subscriptions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Bench;

/// <summary>
/// 60 simulated days of the service on a fake clock: 92 feeds posting a few articles a day, a collect report every
/// 30 minutes, an edition composed for each of a few delivery slots a day and delivered to every subscriber (rows
/// claimed and marked sent: the wire is not what this measures), with and without the daily pruning. Prints the
/// database size as it grows.
/// </summary>
internal static class RetentionBenchmark
{
    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "America/Los_Angeles", "Asia/Kolkata"];

    public static async Task RunAsync(string[] args)
    {
        var days = (int)Arguments.Number(args, "days", 60);
        var subscribers = (int)Arguments.Number(args, "subscribers", 300);
        var perFeed = (int)Arguments.Number(args, "articles-per-feed", 2);
        Figures.Heading($"retention: {days} days, 92 feeds × {perFeed} articles a day, {subscribers} subscribers in {Zones.Length} zones");
        var pruned = await SimulateAsync(days, subscribers, perFeed, prune: true);
        var kept = await SimulateAsync(days, subscribers, perFeed, prune: false);
        foreach (var day in pruned.Keys.Where(d => d % 10 == 0 || d == days))
        {
            Figures.Print($"day {day}: size pruned / unpruned", $"{pruned[day]:0.0} MB / {kept[day]:0.0} MB ({pruned[day] / kept[day]:0.00}×)");
        }
    }

    private static async Task<SortedDictionary<int, double>> SimulateAsync(int days, int subscribers, int perFeed, bool prune)
    {
        var sizes = new SortedDictionary<int, double>();
        var start = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        // No bot token: the Telegram renderer is there, the bot is not (nothing is sent over a wire here).
        await using var app = await BenchHost.StartAsync([], delivery: true);
        var services = app.Services;
        await SubscribeAsync(app, subscribers, start);
        for (var feed = 0; feed < 92; feed++)
        {
            await app.Get<IFeedStore>().AddAsync(new FeedSource($"https://blog{feed}.example.com/feed", $"blog{feed}.example.com"), default);
        }
        var composer = ActivatorUtilities.CreateInstance<DailyEditionService>(services, clock);
        var planner = ActivatorUtilities.CreateInstance<DeliveryPlanner>(services, clock, composer);
        var outbox = app.Get<IOutbox>();
        var retention = app.Get<IRetentionStore>();
        var options = app.Get<RetentionOptions>();
        var random = new Random(7);

        for (var day = 1; day <= days; day++)
        {
            for (var halfHour = 0; halfHour < 48; halfHour++)
            {
                var now = clock.GetUtcNow();
                if (halfHour % 8 == 0)
                {
                    await PublishAsync(app, now, day, halfHour, perFeed, random);
                }
                await app.Get<IFeedStore>().SaveReportAsync(new CollectReport(now, now, 92, 92, 92 * 27, perFeed, []), default);
                await planner.PlanDueAsync(default);
                await DeliverAllAsync(outbox, now);
                clock.Advance(TimeSpan.FromMinutes(30));
            }
            if (prune)
            {
                var now = clock.GetUtcNow();
                await retention.PruneAsync(now.AddDays(-options.Days), now.AddDays(-options.ArticleDays), default);
            }
            sizes[day] = SizeMb(app.DatabasePath);
        }
        return sizes;
    }

    private static async Task SubscribeAsync(BenchHost app, int subscribers, DateTimeOffset at)
    {
        var store = app.Get<ISubscriberStore>();
        for (var i = 0; i < subscribers; i++)
        {
            await store.SaveAsync(Subscriber.New("telegram", (Broadcast.FirstChatId + i).ToString(CultureInfo.InvariantCulture), ChatKind.Private, null, at) with
            {
                Active = true,
                Frequency = Frequency.Daily,
                TimeZone = Zones[i % Zones.Length],
                DeliveryTime = new TimeOnly(7 + i % 3, 0),
            }, default);
        }
    }

    /// <summary>A third of each feed's day's posts, every 4 hours, with blog-sized texts.</summary>
    private static async Task PublishAsync(BenchHost app, DateTimeOffset now, int day, int halfHour, int perFeed, Random random)
    {
        var batch = new List<NewArticle>();
        for (var feed = 0; feed < 92; feed++)
        {
            if (random.Next(6) >= perFeed)
            {
                continue;
            }
            var id = $"{day}-{halfHour}-{feed}";
            var words = string.Join(' ', Enumerable.Range(0, 600).Select(w => Vocabulary[random.Next(Vocabulary.Length)]));
            batch.Add(new NewArticle($"https://blog{feed}.example.com/{id}", id, $"https://blog{feed}.example.com/feed", $"blog{feed}.example.com",
                $"Post {id}: {Vocabulary[random.Next(Vocabulary.Length)]} and {Vocabulary[random.Next(Vocabulary.Length)]}", words,
                now.AddMinutes(-random.Next(240)), now));
        }
        await app.Get<IArticleStore>().AddNewAsync(batch, default);
    }

    private static async Task DeliverAllAsync(IOutbox outbox, DateTimeOffset now)
    {
        while (await outbox.ClaimAsync("bench", 1000, now, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(15), default) is { Count: > 0 } claimed)
        {
            foreach (var message in claimed)
            {
                await outbox.MarkSentAsync(message, now, default);
            }
        }
    }

    private static double SizeMb(string path)
    {
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        var bytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        return bytes / (1024.0 * 1024.0);
    }

    private static readonly string[] Vocabulary =
    [
        "model", "inference", "latency", "database", "index", "kernel", "compiler", "rust", "security", "exploit", "patch",
        "release", "framework", "cluster", "scheduler", "memory", "cache", "query", "training", "gradient", "token", "agent",
        "browser", "network", "protocol", "storage", "replication", "consensus", "benchmark", "profiling", "regression",
    ];
}
