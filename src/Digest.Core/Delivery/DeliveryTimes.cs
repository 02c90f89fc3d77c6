using System.Globalization;
using Digest.Core.Subscriptions;

namespace Digest.Core.Delivery;

/// <summary>A subscriber's delivery times in their own zone, and the slot (local day) each one delivers.</summary>
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

    /// <summary>The subscriber's calendar day at <paramref name="at"/>: what "one daily edition per local day" counts.</summary>
    public static DateOnly LocalDate(Subscriber subscriber, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return LocalDate(Zones.FindOrUtc(subscriber.TimeZone), at);
    }

    /// <summary>The outbox slot of a daily edition for a local day.</summary>
    public static string DailySlot(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
