using Digest.Integration.Tests.Support;
using static Digest.Integration.Tests.Support.Moments;

namespace Digest.Integration.Tests.Telegram;

/// <summary>One daily edition per subscriber per local day, fresh at their time, wherever the clock stands.</summary>
public sealed class ClockEdgeTests
{
    [Fact]
    public async Task Subscribers_at_exactly_the_old_compose_time_get_that_days_edition_at_that_minute()
    {
        // The latest edition is from 04:00: too old at 06:00, so one is composed for the slot.
        await using var scenario = await DeliveryScenario.StartAsync(Utc(7, 1, 4), WeekLongWindow());
        var telegram = scenario.Telegram;
        const long utc = 901, berlin = 902;
        await scenario.SubscribeAsync(utc, at: new TimeOnly(6, 0), since: Utc(6, 30, 0));
        // 08:00 in Berlin in summer is 06:00 UTC.
        await scenario.SubscribeAsync(berlin, zone: "Europe/Berlin", since: Utc(6, 30, 0));

        scenario.Clock.SetUtcNow(Utc(7, 1, 5, 59));
        await scenario.PlanAndSendAsync();
        Assert.Empty(telegram.AllMessages);

        scenario.Clock.SetUtcNow(Utc(7, 1, 6, 0));
        await scenario.PlanAndSendAsync();
        foreach (var chat in new[] { utc, berlin })
        {
            Assert.Equal(new[] { Day(7, 1) }, Inbox.EditionDates(telegram, chat));
            Assert.Equal(new[] { "2026-07-01 06:00" }, Inbox.GeneratedAt(telegram, chat));
        }

        var delivered = telegram.AllMessages.Count;
        scenario.Clock.SetUtcNow(Utc(7, 1, 6, 1));
        await scenario.PlanAndSendAsync();
        scenario.Clock.SetUtcNow(Utc(7, 1, 23, 59));
        await scenario.PlanAndSendAsync();
        Assert.Equal(delivered, telegram.AllMessages.Count);
    }

    [Fact]
    public async Task A_midnight_subscriber_gets_one_edition_per_local_day()
    {
        await using var scenario = await DeliveryScenario.StartAsync(Utc(7, 1, 0), WeekLongWindow());
        const long utc = 903, newYork = 904;
        await scenario.SubscribeAsync(utc, at: TimeOnly.MinValue);
        // Midnight in New York is 04:00 UTC in summer.
        await scenario.SubscribeAsync(newYork, zone: "America/New_York", at: TimeOnly.MinValue);

        await using (BackgroundSender.Start(scenario.App))
        {
            await scenario.PlanEveryAsync(Utc(7, 1, 0), Utc(7, 3, 23, 30), TimeSpan.FromMinutes(30));
            await scenario.WaitUntilSentAsync();
        }

        var days = new[] { Day(7, 1), Day(7, 2), Day(7, 3) };
        Assert.Equal(days, Inbox.EditionDates(scenario.Telegram, utc));
        Assert.Equal(days, Inbox.EditionDates(scenario.Telegram, newYork));
    }

    [Fact]
    public async Task A_Tokyo_subscriber_gets_an_edition_composed_at_their_time_not_the_one_composed_for_Europe_17_hours_earlier()
    {
        await using var scenario = await DeliveryScenario.StartAsync(Utc(7, 1, 5, 30), WeekLongWindow());
        var telegram = scenario.Telegram;
        const long berlin = 905, tokyo = 906;
        await scenario.SubscribeAsync(berlin, zone: "Europe/Berlin");
        await scenario.SubscribeAsync(tokyo, zone: "Asia/Tokyo");

        // 08:00 in Berlin: the 05:30 edition is fresh enough.
        scenario.Clock.SetUtcNow(Utc(7, 1, 6, 0));
        await scenario.PlanAndSendAsync();
        Assert.Equal(new[] { "2026-07-01 05:30" }, Inbox.GeneratedAt(telegram, berlin));
        Assert.Empty(telegram.Messages(tokyo));

        // 08:00 in Tokyo on 2 July is 23:00 UTC on 1 July.
        scenario.Clock.SetUtcNow(Utc(7, 1, 23, 0));
        await scenario.PlanAndSendAsync();
        Assert.Equal(new[] { Day(7, 2) }, Inbox.EditionDates(telegram, tokyo));
        Assert.Equal(new[] { "2026-07-01 23:00" }, Inbox.GeneratedAt(telegram, tokyo));
        Assert.Equal(new[] { Day(7, 1) }, Inbox.EditionDates(telegram, berlin));
    }

    [Fact]
    public async Task Planning_every_minute_for_a_whole_day_sends_each_subscriber_one_edition()
    {
        var start = Utc(7, 1, 0);
        await using var scenario = await DeliveryScenario.StartAsync(start, WeekLongWindow());
        // (chat, zone, local time, the local day their one edition of this UTC day is for)
        (long Chat, string Zone, TimeOnly At, DateOnly Day)[] subscribers =
        [
            (911, "UTC", new(6, 0), Day(7, 1)),
            (912, "Europe/Berlin", new(8, 0), Day(7, 1)),
            (913, "UTC", new(0, 0), Day(7, 1)),
            (914, "UTC", new(23, 59), Day(7, 1)),
            // 08:00 in Tokyo is 23:00 UTC the day before: 1 July's came before the subscription began, 2 July's is today.
            (915, "Asia/Tokyo", new(8, 0), Day(7, 2)),
            (916, "America/New_York", new(12, 0), Day(7, 1)),
            (917, "Asia/Kolkata", new(8, 0), Day(7, 1)),
            (918, "Europe/Berlin", new(2, 30), Day(7, 1)),
        ];
        foreach (var s in subscribers)
        {
            await scenario.SubscribeAsync(s.Chat, zone: s.Zone, at: s.At, since: start);
        }

        await using (BackgroundSender.Start(scenario.App))
        {
            await scenario.PlanEveryAsync(start, start.AddDays(1).AddMinutes(-1), TimeSpan.FromMinutes(1));
            await scenario.WaitUntilSentAsync();
        }

        Assert.All(subscribers, s => Assert.Equal(new[] { s.Day }, Inbox.EditionDates(scenario.Telegram, s.Chat)));
        Assert.Equal(0, scenario.Telegram.TooManyRequests);
    }
}
