using Digest.Integration.Tests.Support;

namespace Digest.Integration.Tests.Telegram;

public sealed class ScheduledDeliveryTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly July1 = new(2026, 7, 1);
    private static readonly DateOnly July2 = new(2026, 7, 2);

    [Fact]
    public async Task Each_subscriber_gets_the_edition_at_their_own_local_time_and_only_once()
    {
        await using var scenario = await DeliveryScenario.StartAsync(Start);
        var telegram = scenario.Telegram;
        // 08:00 local: Berlin (UTC+2 in July) = 06:00Z, London (UTC+1) = 07:00Z, New York (UTC-4) = 12:00Z.
        long berlin = 101, london = 102, newYork = 103;
        await scenario.SubscribeAsync(berlin, zone: "Europe/Berlin");
        await scenario.SubscribeAsync(london, zone: "Europe/London");
        await scenario.SubscribeAsync(newYork, zone: "America/New_York");

        async Task<int[]> At(int hour, int minute)
        {
            scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, hour, minute, 0, TimeSpan.Zero));
            await scenario.PlanAndSendAsync();
            return [Inbox.EditionDates(telegram, berlin).Count, Inbox.EditionDates(telegram, london).Count, Inbox.EditionDates(telegram, newYork).Count];
        }

        Assert.Equal(new[] { 0, 0, 0 }, await At(5, 59));
        Assert.Equal(new[] { 1, 0, 0 }, await At(6, 0));
        var berlinParts = telegram.Messages(berlin).Count;
        Assert.Equal(new[] { 1, 0, 0 }, await At(6, 59));
        Assert.Equal(new[] { 1, 1, 0 }, await At(7, 0));
        Assert.Equal(new[] { 1, 1, 0 }, await At(11, 59));
        Assert.Equal(new[] { 1, 1, 1 }, await At(12, 0));
        // Planning again later the same day sends nothing more.
        Assert.Equal(new[] { 1, 1, 1 }, await At(17, 0));

        var first = telegram.Messages(berlin);
        Assert.Equal(berlinParts, first.Count);
        Assert.True(first[0].IsPhoto);
        Assert.All(first.Skip(1), m => Assert.True(m.IsHtml && m.LinkPreviewDisabled));
        Assert.Contains("AI Daily Digest — 2026-07-01", first[1].PlainText, StringComparison.Ordinal);
        Assert.All(new[] { berlin, london, newYork }, chat => Assert.Equal(new[] { July1 }, Inbox.EditionDates(telegram, chat)));
        Assert.Equal(0, telegram.TooManyRequests);
    }

    [Fact]
    public async Task A_subscriber_whose_time_had_passed_when_they_subscribed_gets_their_first_edition_at_their_next_time()
    {
        // Kolkata 08:00 = 02:30Z; they subscribe at 05:00Z.
        await using var scenario = await DeliveryScenario.StartAsync(Start);
        await scenario.SubscribeAsync(301, zone: "Asia/Kolkata");

        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 5, 1, 0, TimeSpan.Zero));
        await scenario.PlanAndSendAsync();
        Assert.Empty(scenario.Telegram.Messages(301));

        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 2, 2, 29, 0, TimeSpan.Zero));
        await scenario.PlanAndSendAsync();
        Assert.Empty(scenario.Telegram.Messages(301));

        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 2, 2, 30, 0, TimeSpan.Zero));
        await scenario.PlanAndSendAsync();
        Assert.Equal(new[] { July2 }, Inbox.EditionDates(scenario.Telegram, 301));
    }

    [Fact]
    public async Task A_delivery_time_missed_while_down_is_made_up_within_the_grace_window_but_not_after()
    {
        await using var scenario = await DeliveryScenario.StartAsync(Start);
        await scenario.SubscribeAsync(201, at: new TimeOnly(7, 0), since: Start.AddDays(-1));
        await scenario.SubscribeAsync(202, at: new TimeOnly(0, 0), since: Start.AddDays(-1));

        // The host comes back at 12:30Z: 07:00 is 5.5 h ago (within the 6 h grace); 00:00 is 12.5 h ago.
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 12, 30, 0, TimeSpan.Zero));
        await scenario.PlanAndSendAsync();

        Assert.Equal(new[] { July1 }, Inbox.EditionDates(scenario.Telegram, 201));
        Assert.Empty(scenario.Telegram.Messages(202));

        // The missed day stays missed; the next day comes at its time.
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero));
        await scenario.PlanAndSendAsync();
        Assert.Equal(new[] { July2 }, Inbox.EditionDates(scenario.Telegram, 202));
        Assert.Equal(new[] { July1 }, Inbox.EditionDates(scenario.Telegram, 201));
    }
}
