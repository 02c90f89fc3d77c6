using System.Globalization;

namespace Digest.Feeds.Parsing;

/// <summary>The zone of a written date: a numeric offset, or one of the names feeds actually use.</summary>
internal static class DateZones
{
    private static readonly Dictionary<string, TimeSpan> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = TimeSpan.Zero,
        ["UTC"] = TimeSpan.Zero,
        ["GMT"] = TimeSpan.Zero,
        ["Z"] = TimeSpan.Zero,
        ["WET"] = TimeSpan.Zero,
        ["EST"] = Hours(-5),
        ["EDT"] = Hours(-4),
        ["CST"] = Hours(-6),
        ["CDT"] = Hours(-5),
        ["MST"] = Hours(-7),
        ["MDT"] = Hours(-6),
        ["PST"] = Hours(-8),
        ["PDT"] = Hours(-7),
        ["AKST"] = Hours(-9),
        ["AKDT"] = Hours(-8),
        ["HST"] = Hours(-10),
        ["AST"] = Hours(-4),
        ["ADT"] = Hours(-3),
        ["NST"] = Hours(-3.5),
        ["NDT"] = Hours(-2.5),
        ["BRT"] = Hours(-3),
        ["ART"] = Hours(-3),
        ["WEST"] = Hours(1),
        ["BST"] = Hours(1),
        ["CET"] = Hours(1),
        ["MET"] = Hours(1),
        ["CEST"] = Hours(2),
        ["MEST"] = Hours(2),
        ["EET"] = Hours(2),
        ["SAST"] = Hours(2),
        ["EEST"] = Hours(3),
        ["MSK"] = Hours(3),
        // India's, the IST a feed most often means (Irish and Israel time share the letters).
        ["IST"] = Hours(5.5),
        ["WIB"] = Hours(7),
        ["SGT"] = Hours(8),
        ["HKT"] = Hours(8),
        ["AWST"] = Hours(8),
        ["PHT"] = Hours(8),
        ["JST"] = Hours(9),
        ["KST"] = Hours(9),
        ["ACST"] = Hours(9.5),
        ["AEST"] = Hours(10),
        ["ACDT"] = Hours(10.5),
        ["AEDT"] = Hours(11),
        ["NZST"] = Hours(12),
        ["NZDT"] = Hours(13),
    };

    /// <summary>
    /// The offset of a zone written as a number (which wins) or a name. A name we do not know, and RFC 822's
    /// single military letters, read as UTC: RFC 5322 says their sign was never reliable, and the day is still right.
    /// Null only for an offset no clock has (beyond ±14 h).
    /// </summary>
    public static TimeSpan? Offset(string? name, string? number)
    {
        if (!string.IsNullOrEmpty(number))
        {
            return Numeric(number);
        }
        return !string.IsNullOrEmpty(name) && Names.TryGetValue(name, out var offset) ? offset : TimeSpan.Zero;
    }

    /// <summary>"+0200", "-05:00", "+02", "+2" or "-330".</summary>
    private static TimeSpan? Numeric(string number)
    {
        var digits = number[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var hourDigits = digits.Length <= 2 ? digits : digits[..^2];
        var minuteDigits = digits.Length <= 2 ? "0" : digits[^2..];
        if (!int.TryParse(hourDigits, NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(minuteDigits, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 14
            || minutes > 59)
        {
            return null;
        }
        var span = new TimeSpan(hours, minutes, 0);
        return number[0] == '-' ? -span : span;
    }

    private static TimeSpan Hours(double hours) => TimeSpan.FromMinutes(hours * 60);
}
