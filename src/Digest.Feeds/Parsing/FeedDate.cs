using System.Globalization;
using System.Text.RegularExpressions;

namespace Digest.Feeds.Parsing;

/// <summary>
/// Feed dates with their offset kept: RFC 822 as RSS writes it (zone names included, two-digit years),
/// and ISO 8601 / RFC 3339 as Atom and JSON Feed do. Null when absent or unreadable.
/// </summary>
internal static partial class FeedDate
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    [GeneratedRegex(@"^(?:[A-Za-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?\s*$")]
    private static partial Regex Rfc822();

    public static DateTimeOffset? Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var match = Rfc822().Match(value);
        if (match.Success)
        {
            return FromRfc822(match);
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
    }

    private static DateTimeOffset? FromRfc822(Match m)
    {
        var month = Array.IndexOf(Months, m.Groups[2].Value[..3].ToLowerInvariant()) + 1;
        var offset = Offset(m.Groups[7].Value);
        if (month == 0 || offset is null)
        {
            return null;
        }
        var year = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        year = m.Groups[3].Value.Length == 2 ? year + (year < 50 ? 2000 : 1900) : year;
        var day = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var hour = int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture);
        var second = m.Groups[6].Success ? int.Parse(m.Groups[6].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            return new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset.Value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>"+0200", "-05:00" or a zone name; an unknown name reads as UTC rather than losing the date.</summary>
    private static TimeSpan? Offset(string zone)
    {
        if (zone.Length == 0)
        {
            return TimeSpan.Zero;
        }
        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var minutes = int.Parse(digits[2..], CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59)
            {
                return null;
            }
            var span = new TimeSpan(hours, minutes, 0);
            return zone[0] == '-' ? -span : span;
        }
        return TimeSpan.FromHours(ZoneHours(zone.ToUpperInvariant()));
    }

    private static int ZoneHours(string zone) => zone switch
    {
        "EST" => -5,
        "EDT" => -4,
        "CST" => -6,
        "CDT" => -5,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        "CET" or "BST" => 1,
        "CEST" or "EET" => 2,
        "EEST" => 3,
        "JST" => 9,
        "AEST" => 10,
        "AEDT" => 11,
        _ => 0, // UT, UTC, GMT, Z, military letters, and names we do not know.
    };
}
