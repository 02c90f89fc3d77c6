using Digest.Core.Delivery;
using Digest.Core.Subscriptions;

namespace Digest.Core.Tests.Delivery;

public class DeliveryTimeTests
{
    private static Subscriber At(string zone, int hour, int minute = 0) =>
        Subscriber.New("telegram", "1", ChatKind.Private, null, DateTimeOffset.UnixEpoch) with
        {
            TimeZone = zone,
            DeliveryTime = new TimeOnly(hour, minute),
        };

    [Fact]
    public void Local_delivery_time_is_converted_with_the_zone_offset()
    {
        var now = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero), DeliveryTimes.Last(At("Europe/Berlin", 8), now));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero), DeliveryTimes.Last(At("America/New_York", 8), now));
    }

    [Fact]
    public void A_time_later_today_means_yesterdays_was_the_last()
    {
        var now = new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 8, 0, 0, TimeSpan.Zero), DeliveryTimes.Last(At("UTC", 8), now));
    }

    [Fact]
    public void A_time_skipped_by_daylight_saving_is_delivered_an_hour_later()
    {
        // 2026-03-29 02:30 does not exist in Berlin.
        var now = new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), DeliveryTimes.Last(At("Europe/Berlin", 2, 30), now));
    }

    [Fact]
    public void An_unknown_zone_falls_back_to_utc() =>
        Assert.Equal(
            new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero),
            DeliveryTimes.Last(At("Mars/Olympus", 8), new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void The_next_delivery_time_is_later_today_or_tomorrow()
    {
        var morning = new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), DeliveryTimes.Next(At("UTC", 8), morning));
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 8, 0, 0, TimeSpan.Zero), DeliveryTimes.Next(At("UTC", 8), morning.AddHours(3)));
    }

    [Fact]
    public void The_slot_is_the_subscribers_local_day_not_the_utc_one()
    {
        // 08:00 in Tokyo on 2 July is 23:00 UTC on 1 July.
        var tokyo = At("Asia/Tokyo", 8);
        var at = DeliveryTimes.Last(tokyo, new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 23, 0, 0, TimeSpan.Zero), at);
        Assert.Equal(new DateOnly(2026, 7, 2), DeliveryTimes.LocalDate(tokyo, at));
        Assert.Equal("2026-07-02", DeliveryTimes.DailySlot(DeliveryTimes.LocalDate(tokyo, at)));
    }

    [Fact]
    public void On_the_day_clocks_fall_back_a_repeated_time_is_one_delivery()
    {
        // 2026-10-25 02:30 happens twice in Berlin; the days before and after each have one delivery time too.
        var berlin = At("Europe/Berlin", 2, 30);
        var times = Enumerable.Range(0, 72)
            .Select(h => DeliveryTimes.Last(berlin, new DateTimeOffset(2026, 10, 24, 0, 0, 0, TimeSpan.Zero).AddHours(h)))
            .Distinct()
            .ToList();
        Assert.Equal(times.Count, times.Select(t => DeliveryTimes.LocalDate(berlin, t)).Distinct().Count());
        Assert.Contains(times, t => DeliveryTimes.LocalDate(berlin, t) == new DateOnly(2026, 10, 25));
    }
}
