using System.Text.RegularExpressions;

namespace Digest.Feeds.Parsing;

/// <summary>
/// Dates written with a month name: RFC 822 as RSS writes it and the variants generators emit instead (weekday or
/// not, one-digit days, two-digit years, no seconds, dashes or commas, AM/PM), plus the month-first forms of
/// JavaScript's Date.toString(), Unix date and US English.
/// </summary>
internal static partial class FeedDate
{
    /// <summary>A weekday, in any language, ends at a comma, a dot or a space, so it never eats into a month name.</summary>
    private const string Weekday = @"(?:[^\W\d_]{2,12}(?:\.?\s*,\s*|\.\s*|\s+))?";

    private const string MonthName = @"(?<mon>[^\W\d_]{3,10})\.?";

    private const string TimeSeparator = @"(?:\s*[,T/-]\s*|\s+)(?:at\s+)?";

    private static readonly string[] EnglishMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Month names in the languages feeds localise pubDate into, where their first three letters are not English.</summary>
    private static readonly Dictionary<string, int> OtherMonths = new(StringComparer.OrdinalIgnoreCase)
    {
        // German
        ["mär"] = 3,
        ["märz"] = 3,
        ["mrz"] = 3,
        ["mai"] = 5,
        ["okt"] = 10,
        ["dez"] = 12,
        // French
        ["janv"] = 1,
        ["févr"] = 2,
        ["fevr"] = 2,
        ["avr"] = 4,
        ["juin"] = 6,
        ["juil"] = 7,
        ["août"] = 8,
        ["aout"] = 8,
        ["déc"] = 12,
        // Spanish
        ["ene"] = 1,
        ["abr"] = 4,
        ["ago"] = 8,
        ["dic"] = 12,
        // Dutch
        ["mrt"] = 3,
        ["mei"] = 5,
    };

    private static readonly Func<Regex>[] WrittenForms = [DayFirst, MonthFirst, UnixDate];

    /// <summary>"Mon, 02 Jan 2006 15:04:05 -0700", "2 Jan 06 15:04 EST", "02-Jan-2006", "Monday, 2nd January 2006, 3:04 PM".</summary>
    [GeneratedRegex(
        @"^" + Weekday + @"(?<d>\d{1,2})(?:st|nd|rd|th)?\.?[\s/.,-]*" + MonthName + @"[\s/.,-]*(?<y>\d{4}|\d{2,3})"
        + "(?:" + TimeSeparator + Time + ")?" + Zone + @"\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    /// <summary>"Mon Jan 02 2006 15:04:05 GMT-0700 (Pacific Daylight Time)", "January 2, 2006 3:04 PM", "Jan 2, 2006".</summary>
    [GeneratedRegex(
        @"^" + Weekday + MonthName + @"\s*(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})"
        + "(?:" + TimeSeparator + Time + ")?" + Zone + @"\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirst();

    /// <summary>"Mon Jan  2 15:04:05 MST 2006", "Mon Jan 02 15:04:05 -0700 2006": the year comes last.</summary>
    [GeneratedRegex(
        @"^" + Weekday + MonthName + @"\s+(?<d>\d{1,2})\s+" + Time + Zone + @"\s+(?<y>\d{4})\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex UnixDate();

    /// <summary>1–12, or 0 for a word that is no month.</summary>
    private static int Month(string word)
    {
        if (OtherMonths.TryGetValue(word, out var month))
        {
            return month;
        }
        return word.Length >= 3 ? Array.IndexOf(EnglishMonths, word[..3].ToLowerInvariant()) + 1 : 0;
    }
}
