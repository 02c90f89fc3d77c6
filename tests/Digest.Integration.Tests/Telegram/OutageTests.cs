using System.Globalization;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using Xunit.Abstractions;

namespace Digest.Integration.Tests.Telegram;

/// <summary>Telegram answers 502 to everything for a while; nothing may be lost, repeated or given up because of it.</summary>
public sealed class OutageTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset ComposedAt = new(2026, 7, 1, 7, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EightOClock = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A message's own failures get 2 attempts, the first retried 4 s later: a budget the outage outlasts, so had the outage
    /// spent attempts, every row would be given up. The circuit probes from a quarter second up to once a second.
    /// </summary>
    private static Dictionary<string, string?> ShortBudgets() => new()
    {
        ["Delivery:MaxAttempts"] = "2",
        ["Delivery:CircuitMinBackoff"] = "00:00:00.250",
        ["Delivery:CircuitMaxBackoff"] = MaxBackoff.ToString("c", CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task An_outage_longer_than_any_retry_budget_loses_nothing_repeats_nothing_and_spends_no_attempt()
    {
        // Telegram's real limits, so the sends already on their way when the outage is found are a handful.
        await using var scenario = await DeliveryScenario.StartAsync(ComposedAt, ShortBudgets(), new ScenarioOptions(RateScale: 1));
        var telegram = scenario.Telegram;
        long[] chats = [.. Enumerable.Range(701, 8)];
        var subscribers = new List<Subscriber>();
        foreach (var chat in chats)
        {
            subscribers.Add(await scenario.SubscribeAsync(chat, since: ComposedAt.AddDays(-1)));
        }
        // Sends only: the fake refuses the bot's getUpdates polls too, and those are not the sender's probes.
        int Sends() => telegram.Calls("sendMessage") + telegram.Calls("sendPhoto");

        telegram.StartOutage(502);
        Assert.Equal(chats.Length, (await scenario.PlanAtAsync(EightOClock)).Planned);
        var expected = Inbox.Expected(scenario.App.Services, await scenario.LatestEditionAsync(), subscribers[0], DateOnly.FromDateTime(EightOClock.UtcDateTime));
        await using (var sender = BackgroundSender.Start(scenario.App))
        {
            await telegram.WaitUntilAsync(() => Sends() > 0, "the first refused send");
            // Past the sends that were already on their way; from here on only probes reach Telegram.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var before = Sends();
            var window = TimeSpan.FromSeconds(6);
            await Task.Delay(window);
            var probes = Sends() - before;
            telegram.EndOutage();

            output.WriteLine($"{probes} sends reached Telegram in {window.TotalSeconds} s of outage; {telegram.RefusedDuringOutage} requests refused in all");
            Assert.Empty(telegram.AllMessages);
            // About one probe per back-off: at most one a second once the back-off is at its cap, and it keeps probing.
            Assert.InRange(probes, 3, (int)(window / MaxBackoff) + 3);

            await telegram.WaitUntilAsync(() => telegram.AllMessages.Count >= chats.Length * expected.Count, "everything after the outage", TimeSpan.FromSeconds(30));
            await scenario.WaitUntilSentAsync();
        }

        Assert.All(chats, chat => Inbox.ExactlyOnceInOrder(telegram, chat, expected));
        var rows = await OutboxFile.RowsAsync(scenario.Directory.DatabasePath);
        Assert.Equal(chats.Length * expected.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(("sent", 0), (row.State, row.Attempts)));
        Assert.Equal(0, telegram.TooManyRequests);
    }

    [Fact]
    public async Task Send_now_during_an_outage_exits_1_with_everything_still_owed_and_after_it_sends_everything_once()
    {
        // The CLI composes nothing here: the edition is fresh on the real clock.
        await using var scenario = await DeliveryScenario.StartAsync(DateTimeOffset.UtcNow);
        var telegram = scenario.Telegram;
        long[] chats = [801, 802, 803];
        var subscribers = new List<Subscriber>();
        foreach (var chat in chats)
        {
            subscribers.Add(await scenario.SubscribeAsync(chat));
        }
        var expected = Inbox.Expected(scenario.App.Services, await scenario.LatestEditionAsync(), subscribers[0], DateOnly.FromDateTime(DateTime.UtcNow));
        var environment = DigestProcess.Environment(scenario.Directory.DatabasePath, telegram.BaseUrl);
        var settings = ShortBudgets();
        settings["Delivery:SendNowWait"] = "00:00:03";
        settings["Delivery:Limits:telegram:MessagesPerSecond"] = "300";
        settings["Delivery:Limits:telegram:PerChatPerSecond"] = "10";
        DigestProcess.Add(environment, settings);

        telegram.StartOutage(502);
        using (var during = DigestProcess.Start(scenario.Directory.Path, environment, "send", "--now"))
        {
            Assert.True(await during.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 1, $"send --now during the outage should exit 1:\n{during.Output}");
            Assert.Contains("unavailable", during.Output, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Empty(telegram.AllMessages);
        Assert.All(await OutboxFile.RowsAsync(scenario.Directory.DatabasePath), row => Assert.Equal(("pending", 0), (row.State, row.Attempts)));

        telegram.EndOutage();
        using (var after = DigestProcess.Start(scenario.Directory.Path, environment, "send", "--now"))
        {
            Assert.True(await after.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, $"send --now after the outage should exit 0:\n{after.Output}");
        }
        Assert.All(chats, chat => Inbox.ExactlyOnceInOrder(telegram, chat, expected));
    }
}
