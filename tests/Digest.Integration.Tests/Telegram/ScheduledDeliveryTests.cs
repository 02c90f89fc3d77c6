using Digest.Core.Delivery;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Telegram;

public sealed class ScheduledDeliveryTests
{
    private static readonly DateTimeOffset ComposedAt = new(2026, 7, 1, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_subscriber_gets_the_edition_at_their_own_local_time_and_only_once()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = 10 });
        await using var app = await TestApp.StartAsync(dir, TestApp.Telegram(telegram.BaseUrl, rateScale: 10));
        var clock = new FakeTimeProvider(ComposedAt);
        await Seed.ArticlesAsync(app.Services, ComposedAt);
        await Clocks.Composer(app.Services, clock).ComposeAsync(null, null, default);

        var store = app.Get<ISubscriberStore>();
        // 08:00 local: Berlin (UTC+2 in July) = 06:00Z, London (UTC+1) = 07:00Z, New York (UTC-4) = 12:00Z.
        long berlin = 101, london = 102, newYork = 103;
        foreach (var (chat, zone) in new[] { (berlin, "Europe/Berlin"), (london, "Europe/London"), (newYork, "America/New_York") })
        {
            await store.SaveAsync(Subscriber.New("telegram", chat.ToString(System.Globalization.CultureInfo.InvariantCulture), ChatKind.Private, null, ComposedAt) with
            {
                Active = true,
                Frequency = Frequency.Daily,
                TimeZone = zone,
            }, default);
        }
        var planner = Clocks.Planner(app.Services, clock);
        var sender = app.Get<OutboxSender>();

        async Task<int[]> At(int hour, int minute)
        {
            clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, hour, minute, 0, TimeSpan.Zero));
            await planner.PlanDueAsync(default);
            await sender.RunAsync(untilIdle: true, default);
            return [telegram.Messages(berlin).Count, telegram.Messages(london).Count, telegram.Messages(newYork).Count];
        }

        Assert.Equal(new[] { 0, 0, 0 }, await At(5, 59));
        var afterBerlin = await At(6, 0);
        Assert.True(afterBerlin[0] >= 2, "Berlin gets the chart and at least one text part at 06:00Z");
        Assert.Equal(new[] { afterBerlin[0], 0, 0 }, afterBerlin);
        Assert.Equal([afterBerlin[0], 0, 0], await At(6, 59));
        Assert.Equal([afterBerlin[0], afterBerlin[0], 0], await At(7, 0));
        Assert.Equal([afterBerlin[0], afterBerlin[0], 0], await At(11, 59));
        Assert.Equal([afterBerlin[0], afterBerlin[0], afterBerlin[0]], await At(12, 0));
        // Planning again later the same day sends nothing more.
        Assert.Equal([afterBerlin[0], afterBerlin[0], afterBerlin[0]], await At(17, 0));

        var first = telegram.Messages(berlin);
        Assert.True(first[0].IsPhoto);
        Assert.All(first.Skip(1), m => Assert.True(m.IsHtml && m.LinkPreviewDisabled));
        Assert.Contains("AI Daily Digest — 2026-07-01", first[1].PlainText, StringComparison.Ordinal);
        Assert.Equal(0, telegram.TooManyRequests);
    }

    [Fact]
    public async Task A_delivery_time_missed_while_down_is_made_up_within_the_grace_window_but_not_after()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = 10 });
        await using var app = await TestApp.StartAsync(dir, TestApp.Telegram(telegram.BaseUrl, rateScale: 10));
        var clock = new FakeTimeProvider(ComposedAt);
        await Seed.ArticlesAsync(app.Services, ComposedAt);
        await Clocks.Composer(app.Services, clock).ComposeAsync(null, null, default);
        var store = app.Get<ISubscriberStore>();
        foreach (var (chat, hour) in new[] { (201L, 7), (202L, 0) })
        {
            await store.SaveAsync(Subscriber.New("telegram", chat.ToString(System.Globalization.CultureInfo.InvariantCulture), ChatKind.Private, null, ComposedAt) with
            {
                Active = true,
                Frequency = Frequency.Daily,
                DeliveryTime = new TimeOnly(hour, 0),
            }, default);
        }

        // The host comes back at 12:30Z: 07:00 is 5.5 h ago (within 6 h), 00:00 is 12.5 h ago.
        clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 12, 30, 0, TimeSpan.Zero));
        await Clocks.Planner(app.Services, clock).PlanDueAsync(default);
        await app.Get<OutboxSender>().RunAsync(untilIdle: true, default);

        Assert.NotEmpty(telegram.Messages(201));
        Assert.Empty(telegram.Messages(202));
    }
}
