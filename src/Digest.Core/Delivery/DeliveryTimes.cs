using System.Globalization;
using Digest.Core.Subscriptions;

namespace Digest.Core.Delivery;

/// <summary>
/// A subscriber's delivery times in their own zone, and the slot each one delivers: a local day for the daily, an ISO
/// week for the weekly (which comes on their weekday at the same time of day).
/// </summary>
public static class DeliveryTimes
{
    /// <summary>The latest local delivery time at or before <paramref name="now"/>, as an instant.</summary>
    public static DateTimeOffset Last(Subscriber subscriber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var zone = Zones.FindOrUtc(subscriber.TimeZone);
        var today = LocalDate(zone, now);
        var candidate = ToUtc(today.ToDateTime(subscriber.DeliveryTime), zone);
        return candidate <= now ? candidate : ToUtc(today.AddDays(-1).ToDateTime(subscriber.DeliveryTime), zone);
    }

    /// <summary>The first local delivery time after <paramref name="now"/>, as an instant.</summary>
    public static DateTimeOffset Next(Subscriber subscriber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var zone = Zones.FindOrUtc(subscriber.TimeZone);
        var today = LocalDate(zone, now);
        var candidate = ToUtc(today.ToDateTime(subscriber.DeliveryTime), zone);
        return candidate > now ? candidate : ToUtc(today.AddDays(1).ToDateTime(subscriber.DeliveryTime), zone);
    }

    /// <summary>The latest local weekly time (their weekday at their delivery time) at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset LastWeekly(Subscriber subscriber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var zone = Zones.FindOrUtc(subscriber.TimeZone);
        var today = LocalDate(zone, now);
        var weekday = today.AddDays(-(((int)today.DayOfWeek - (int)subscriber.WeeklyDay + 7) % 7));
        var candidate = ToUtc(weekday.ToDateTime(subscriber.DeliveryTime), zone);
        return candidate <= now ? candidate : ToUtc(weekday.AddDays(-7).ToDateTime(subscriber.DeliveryTime), zone);
    }

    /// <summary>The first local weekly time after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextWeekly(Subscriber subscriber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var zone = Zones.FindOrUtc(subscriber.TimeZone);
        var today = LocalDate(zone, now);
        var weekday = today.AddDays(((int)subscriber.WeeklyDay - (int)today.DayOfWeek + 7) % 7);
        var candidate = ToUtc(weekday.ToDateTime(subscriber.DeliveryTime), zone);
        return candidate > now ? candidate : ToUtc(weekday.AddDays(7).ToDateTime(subscriber.DeliveryTime), zone);
    }

    /// <summary>The subscriber's calendar day at <paramref name="at"/>: what "one daily edition per local day" counts.</summary>
    public static DateOnly LocalDate(Subscriber subscriber, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return LocalDate(Zones.FindOrUtc(subscriber.TimeZone), at);
    }

    /// <summary>The outbox slot of a daily edition for a local day.</summary>
    public static string DailySlot(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The outbox slot of a weekly for the local day it comes on: that day's ISO week ("2026-W49"), so moving the weekday
    /// within a week never sends a second one that week.
    /// </summary>
    public static string WeeklySlot(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    private static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        // A time skipped by a DST change (02:30 on spring-forward day) is delivered an hour later.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }
}
