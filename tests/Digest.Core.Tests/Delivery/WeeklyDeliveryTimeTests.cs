using Digest.Core.Delivery;
using Digest.Core.Subscriptions;

namespace Digest.Core.Tests.Delivery;

public class WeeklyDeliveryTimeTests
{
    private static Subscriber Weekly(string zone, DayOfWeek day, int hour, int minute = 0) =>
        Subscriber.New("telegram", "1", ChatKind.Private, null, DateTimeOffset.UnixEpoch) with
        {
            TimeZone = zone,
            DeliveryTime = new TimeOnly(hour, minute),
            WeeklyDay = day,
        };

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void The_last_weekly_is_the_latest_local_weekday_at_the_delivery_time_in_each_zone()
    {
        // Wednesday 1 July 2026: Monday 29 June was the last Monday, 08:00 in Berlin (UTC+2) and in Los Angeles (UTC-7).
        var wednesday = Utc(2026, 7, 1, 12);

        Assert.Equal(Utc(2026, 6, 29, 6), DeliveryTimes.LastWeekly(Weekly("Europe/Berlin", DayOfWeek.Monday, 8), wednesday));
        Assert.Equal(Utc(2026, 6, 29, 15), DeliveryTimes.LastWeekly(Weekly("America/Los_Angeles", DayOfWeek.Monday, 8), wednesday));
        Assert.Equal(Utc(2026, 7, 6, 6), DeliveryTimes.NextWeekly(Weekly("Europe/Berlin", DayOfWeek.Monday, 8), wednesday));
        Assert.Equal(Utc(2026, 7, 3, 15), DeliveryTimes.NextWeekly(Weekly("America/Los_Angeles", DayOfWeek.Friday, 8), wednesday));
    }

    [Fact]
    public void On_the_weekday_before_the_time_the_last_weekly_was_a_week_ago()
    {
        var berlin = Weekly("Europe/Berlin", DayOfWeek.Monday, 8);
        var mondayMorning = Utc(2026, 6, 29, 5); // 07:00 in Berlin

        Assert.Equal(Utc(2026, 6, 22, 6), DeliveryTimes.LastWeekly(berlin, mondayMorning));
        Assert.Equal(Utc(2026, 6, 29, 6), DeliveryTimes.NextWeekly(berlin, mondayMorning));
        Assert.Equal(Utc(2026, 6, 29, 6), DeliveryTimes.LastWeekly(berlin, Utc(2026, 6, 29, 6)));
    }

    [Fact]
    public void A_week_with_a_daylight_saving_change_keeps_the_local_time()
    {
        // Berlin moves to summer time on Sunday 29 March 2026, Los Angeles on Sunday 8 March.
        var berlin = Weekly("Europe/Berlin", DayOfWeek.Monday, 8);
        var angeles = Weekly("America/Los_Angeles", DayOfWeek.Monday, 8);

        Assert.Equal(Utc(2026, 3, 23, 7), DeliveryTimes.LastWeekly(berlin, Utc(2026, 3, 29, 12)));
        Assert.Equal(Utc(2026, 3, 30, 6), DeliveryTimes.LastWeekly(berlin, Utc(2026, 3, 30, 12)));
        Assert.Equal(Utc(2026, 3, 2, 16), DeliveryTimes.LastWeekly(angeles, Utc(2026, 3, 8, 12)));
        Assert.Equal(Utc(2026, 3, 9, 15), DeliveryTimes.LastWeekly(angeles, Utc(2026, 3, 9, 16)));
    }

    [Fact]
    public void A_weekly_time_skipped_by_the_change_comes_an_hour_later()
    {
        // Sunday 29 March 2026 02:30 does not exist in Berlin.
        var sundayNight = Weekly("Europe/Berlin", DayOfWeek.Sunday, 2, 30);

        Assert.Equal(Utc(2026, 3, 29, 1, 30), DeliveryTimes.LastWeekly(sundayNight, Utc(2026, 3, 29, 12)));
    }

    [Fact]
    public void The_weekly_slot_is_the_iso_week_of_the_local_day()
    {
        Assert.Equal("2026-W49", DeliveryTimes.WeeklySlot(new DateOnly(2026, 12, 1)));
        Assert.Equal("2026-W49", DeliveryTimes.WeeklySlot(new DateOnly(2026, 12, 6)));
        Assert.Equal("2026-W50", DeliveryTimes.WeeklySlot(new DateOnly(2026, 12, 7)));
        // The ISO year, not the calendar one: 1 January 2027 still belongs to 2026's last week.
        Assert.Equal("2026-W53", DeliveryTimes.WeeklySlot(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void The_slot_counts_the_subscribers_local_day()
    {
        // Monday 08:00 in Tokyo is Sunday 23:00 UTC: the Monday's week, not the Sunday's.
        var tokyo = Weekly("Asia/Tokyo", DayOfWeek.Monday, 8);
        var at = DeliveryTimes.LastWeekly(tokyo, Utc(2026, 12, 6, 23, 30));

        Assert.Equal(Utc(2026, 12, 6, 23), at);
        Assert.Equal("2026-W50", DeliveryTimes.WeeklySlot(DeliveryTimes.LocalDate(tokyo, at)));
    }
}
