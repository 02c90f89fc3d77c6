using System.Globalization;
using System.Text.RegularExpressions;

namespace Digest.Feeds.Parsing;

/// <summary>
/// Feed and page dates with their offset kept: ISO 8601 / RFC 3339 as Atom, JSON Feed and pages write them (no zone
/// means UTC), and RFC 822 as RSS does with every liberty generators take (see FeedDate.Written.cs). Null when absent
/// or unreadable; never throws, whatever the text.
/// </summary>
internal static partial class FeedDate
{
    /// <summary>Longer than any honest date: a hostile value is refused before any pattern looks at it.</summary>
    private const int MaxLength = 100;

    private const string Time =
        @"(?<h>\d{1,2})[:.](?<mi>\d{2})(?:[:.](?<s>\d{2})(?:[.,](?<f>\d{1,9}))?)?(?:\s*(?<ampm>[AaPp])\.?[Mm]\.?(?![A-Za-z]))?";

    /// <summary>A zone name, then a number (either may be missing, "GMT+0200" has both), then a spelled-out name we ignore.</summary>
    private const string Zone =
        @"(?:\s*(?<zname>[A-Za-z]{1,5})(?![A-Za-z]))?(?:\s*(?<zoff>[+-]\d{1,2}(?::?\d{2})?))?(?:\s*\(?[A-Za-z][A-Za-z .]{0,40}\)?)?";

    [GeneratedRegex(
        @"^(?:(?<y>\d{4})(?<sep>[-/.])(?<mo>\d{1,2})\k<sep>(?<d>\d{1,2})|(?<y>\d{4})(?<mo>\d{2})(?<d>\d{2}))"
        + @"(?:(?:\s*[Tt]\s*|\s+)(?<h>\d{2}):?(?<mi>\d{2})(?::?(?<s>\d{2})(?:[.,](?<f>\d{1,9}))?)?)?" + Zone + @"\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    public static DateTimeOffset? Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return null;
        }
        try
        {
            return ParseTrimmed(value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or RegexMatchTimeoutException)
        {
            // The patterns bound every number, so this is a last guard: an unreadable date is no date, never an error.
            return null;
        }
    }

    private static DateTimeOffset? ParseTrimmed(string value)
    {
        // A form whose shape matches decides alone: "31 Feb" is unreadable, not a guess by the fallback.
        var match = Iso().Match(value);
        if (match.Success)
        {
            return FromMatch(match, month: Number(match, "mo"));
        }
        foreach (var written in WrittenForms)
        {
            match = written().Match(value);
            if (match.Success)
            {
                var month = Month(match.Groups["mon"].Value);
                return month == 0 ? null : FromMatch(match, month);
            }
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
    }

    private static DateTimeOffset? FromMatch(Match m, int month)
    {
        var offset = DateZones.Offset(m.Groups["zname"].Value, m.Groups["zoff"].Value);
        if (offset is null)
        {
            return null;
        }
        var hour = Number(m, "h");
        if (m.Groups["ampm"].Success && hour is >= 1 and <= 12)
        {
            var pm = m.Groups["ampm"].Value is "p" or "P";
            hour = (hour % 12) + (pm ? 12 : 0);
        }
        var date = new DateTimeOffset(
            Year(m.Groups["y"].Value),
            month,
            Number(m, "d"),
            hour,
            Number(m, "mi"),
            // A leap second is the last second of its minute.
            Math.Min(Number(m, "s"), 59),
            offset.Value);
        return date.AddTicks(FractionTicks(m.Groups["f"].Value));
    }

    /// <summary>Two-digit years as RFC 5322 reads them (49 and before are this century), three-digit ones from 1900.</summary>
    private static int Year(string digits)
    {
        var year = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return digits.Length switch
        {
            2 => year + (year < 50 ? 2000 : 1900),
            3 => year + 1900,
            _ => year,
        };
    }

    private static int Number(Match m, string group) =>
        m.Groups[group].Success ? int.Parse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

    private static long FractionTicks(string digits)
    {
        if (digits.Length == 0)
        {
            return 0;
        }
        // Ticks are 10^-7 s: keep seven digits, padding or cutting what was written.
        var seven = digits.Length >= 7 ? digits[..7] : digits.PadRight(7, '0');
        return long.Parse(seven, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
