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
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero), DeliveryPlanner.LastDeliveryTime(At("Europe/Berlin", 8), now));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero), DeliveryPlanner.LastDeliveryTime(At("America/New_York", 8), now));
    }

    [Fact]
    public void A_time_later_today_means_yesterdays_was_the_last()
    {
        var now = new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 8, 0, 0, TimeSpan.Zero), DeliveryPlanner.LastDeliveryTime(At("UTC", 8), now));
    }

    [Fact]
    public void A_time_skipped_by_daylight_saving_is_delivered_an_hour_later()
    {
        // 2026-03-29 02:30 does not exist in Berlin.
        var now = new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), DeliveryPlanner.LastDeliveryTime(At("Europe/Berlin", 2, 30), now));
    }

    [Fact]
    public void An_unknown_zone_falls_back_to_utc() =>
        Assert.Equal(
            new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero),
            DeliveryPlanner.LastDeliveryTime(At("Mars/Olympus", 8), new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero)));
}
