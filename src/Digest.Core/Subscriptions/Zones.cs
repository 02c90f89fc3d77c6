namespace Digest.Core.Subscriptions;

/// <summary>IANA time zone lookups.</summary>
public static class Zones
{
    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    public static TimeZoneInfo FindOrUtc(string id) => TryFind(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
