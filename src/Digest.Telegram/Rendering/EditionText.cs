using System.Globalization;
using Digest.Core.Editions;

namespace Digest.Telegram.Rendering;

/// <summary>Small formatting shared by the edition's blocks: titles, dates, ages, counts.</summary>
internal static class EditionText
{
    public static string Title(Edition edition) => edition.Kind == EditionKind.Weekly
        ? $"AI Weekly Briefing — {Date(edition.Date)}"
        : $"AI Daily Digest — {Date(edition.Date)}";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"3h ago" measured against the edition's own clock, so the same edition always reads the same.</summary>
    public static string Age(DateTimeOffset published, DateTimeOffset now)
    {
        var age = now - published;
        if (age < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }
        if (age < TimeSpan.FromHours(1))
        {
            return $"{(int)age.TotalMinutes}m ago";
        }
        return age < TimeSpan.FromHours(48) ? $"{(int)age.TotalHours}h ago" : $"{(int)age.TotalDays}d ago";
    }

    public static string Window(TimeSpan window)
    {
        if (window >= TimeSpan.FromHours(48) && window.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return $"{(int)window.TotalDays}d";
        }
        return window >= TimeSpan.FromHours(1) ? $"{(int)window.TotalHours}h" : $"{(int)window.TotalMinutes}m";
    }

    public static string Medal(int mustReadRank) => mustReadRank switch
    {
        1 => "🥇",
        2 => "🥈",
        3 => "🥉",
        _ => "🏅",
    };

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
