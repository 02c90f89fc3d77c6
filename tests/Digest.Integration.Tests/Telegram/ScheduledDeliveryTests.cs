using Digest.Integration.Tests.Support;

namespace Digest.Integration.Tests.Telegram;

public sealed class ScheduledDeliveryTests
{
    private static readonly DateTimeOffset ComposedAt = new(2026, 7, 1, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_subscriber_gets_the_edition_at_their_own_local_time_and_only_once()
    {
        await using var scenario = await DeliveryScenario.StartAsync(ComposedAt);
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
            return [telegram.Messages(berlin).Count, telegram.Messages(london).Count, telegram.Messages(newYork).Count];
        }

        Assert.Equal(new[] { 0, 0, 0 }, await At(5, 59));
        var afterBerlin = await At(6, 0);
        var parts = afterBerlin[0];
        Assert.True(parts >= 2, "Berlin gets the chart and at least one text part at 06:00Z");
        Assert.Equal(new[] { parts, 0, 0 }, afterBerlin);
        Assert.Equal(new[] { parts, 0, 0 }, await At(6, 59));
        Assert.Equal(new[] { parts, parts, 0 }, await At(7, 0));
        Assert.Equal(new[] { parts, parts, 0 }, await At(11, 59));
        Assert.Equal(new[] { parts, parts, parts }, await At(12, 0));
        // Planning again later the same day sends nothing more.
        Assert.Equal(new[] { parts, parts, parts }, await At(17, 0));

        var first = telegram.Messages(berlin);
        Assert.True(first[0].IsPhoto);
        Assert.All(first.Skip(1), m => Assert.True(m.IsHtml && m.LinkPreviewDisabled));
        Assert.Contains("AI Daily Digest — 2026-07-01", first[1].PlainText, StringComparison.Ordinal);
        Assert.Equal(0, telegram.TooManyRequests);
    }

    [Fact]
    public async Task A_delivery_time_before_the_compose_time_gets_the_edition_at_its_next_occurrence_not_at_compose_time()
    {
        // Kolkata 08:00 = 02:30Z, before the 05:00Z edition.
        await using var scenario = await DeliveryScenario.StartAsync(ComposedAt);
        await scenario.SubscribeAsync(301, zone: "Asia/Kolkata");

        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 5, 1, 0, TimeSpan.Zero));
        await scenario.PlanAndSendAsync();
        Assert.Empty(scenario.Telegram.Messages(301));

        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 2, 2, 29, 0, TimeSpan.Zero));
        await scenario.PlanAndSendAsync();
        Assert.Empty(scenario.Telegram.Messages(301));

        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 2, 2, 30, 0, TimeSpan.Zero));
        await scenario.PlanAndSendAsync();
        Assert.NotEmpty(scenario.Telegram.Messages(301));
    }

    [Fact]
    public async Task A_delivery_time_missed_while_down_is_made_up_within_the_grace_window_but_not_after()
    {
        await using var scenario = await DeliveryScenario.StartAsync(ComposedAt);
        await scenario.SubscribeAsync(201, at: new TimeOnly(7, 0));
        await scenario.SubscribeAsync(202, at: new TimeOnly(0, 0));

        // The host comes back at 12:30Z: 07:00 is 5.5 h ago (within 6 h); 00:00 is 12.5 h ago, and before the edition existed.
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 12, 30, 0, TimeSpan.Zero));
        await scenario.PlanAndSendAsync();

        Assert.NotEmpty(scenario.Telegram.Messages(201));
        Assert.Empty(scenario.Telegram.Messages(202));
    }
}
