using System.Diagnostics;
using System.Globalization;
using Digest.Core.Delivery;
using Digest.TestKit.Telegram;

namespace Digest.Bench;

/// <summary>
/// One edition to N subscribers through the real sender and Telegram.Bot client, against the fake Bot API server
/// enforcing 30 msg/s overall and 1 msg/s per chat — both scaled by K so a run stays short.
/// </summary>
internal static class FanoutBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var subscribers = (int)Arguments.Number(args, "subscribers", 10_000);
        var scale = Arguments.Number(args, "scale", 20);
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = scale });
        await using var app = await BenchHost.StartAsync(Broadcast.Settings(telegram, scale), delivery: true);
        var edition = await Broadcast.SeedAsync(app, subscribers);

        var clock = Stopwatch.StartNew();
        await app.Get<DeliveryPlanner>().PlanEveryoneAsync(default);
        var enqueue = clock.Elapsed;
        var total = (await app.Get<IOutbox>().CountAsync(edition.Id, default)).Pending;
        var partsPerChat = (double)total / subscribers;

        var cpu = Figures.Cpu();
        clock.Restart();
        var summary = await app.Get<OutboxSender>().RunAsync(untilDone: true, default);
        var wall = clock.Elapsed;
        var cpuUsed = Figures.Cpu() - cpu;

        var messages = telegram.AllMessages;
        var duplicates = Broadcast.Duplicates(messages);
        var expected = (await app.Get<IOutbox>().CountAsync(edition.Id, default)).Sent;
        var lost = total - expected;
        var minimum = Math.Max(total / (30 * scale), (Math.Ceiling(partsPerChat) - 1) / scale);

        Figures.Heading($"fanout: {subscribers} subscribers, limits ×{scale} ({30 * scale} msg/s overall, {scale} msg/s per chat)");
        Figures.Print("messages (outbox rows)", total);
        Figures.Print("parts per subscriber (avg)", partsPerChat.ToString("0.00", CultureInfo.InvariantCulture));
        Figures.Print("enqueue time", $"{enqueue.TotalSeconds:0.00} s");
        Figures.Print("send wall time", $"{wall.TotalSeconds:0.00} s");
        Figures.Print("theoretical minimum", $"{minimum:0.00} s");
        Figures.Print("wall ÷ minimum", (wall.TotalSeconds / minimum).ToString("0.000", CultureInfo.InvariantCulture));
        Figures.Print("429s received", telegram.TooManyRequests);
        Figures.Print("duplicates", duplicates);
        Figures.Print("lost (not sent)", lost);
        Figures.Print("messages received by server", messages.Count);
        Figures.Print("sender: sent / failed / 429", $"{summary.Sent} / {summary.Failed} / {summary.RateLimited}");
        Figures.Print("CPU time (send)", $"{cpuUsed.TotalSeconds:0.0} s");
        Figures.Print("peak working set", $"{Figures.PeakWorkingSetMb()} MB");
    }
}
