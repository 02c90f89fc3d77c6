using System.Globalization;
using Digest.Core.Editions;

namespace Digest.Core.Rendering;

/// <summary>The words every renderer puts around an edition's items, so Markdown, Telegram and later channels agree.</summary>
public static class ItemText
{
    private const int NamedSources = 3;

    /// <summary>The item's title, marked when it is news on a story the subscriber already had.</summary>
    public static string Title(EditionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.IsUpdate ? "Update: " + item.Title : item.Title;
    }

    /// <summary>"also covered by a.com, b.com" (the first few named, the rest counted), or null when no one else did.</summary>
    public static string? CoveredBy(EditionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var others = item.AlsoCoveredBy;
        if (others.Count == 0)
        {
            return null;
        }
        if (others.Count <= NamedSources)
        {
            return "also covered by " + string.Join(", ", others);
        }
        return string.Create(CultureInfo.InvariantCulture, $"also covered by {string.Join(", ", others.Take(NamedSources - 1))} and {others.Count - NamedSources + 1} more");
    }

    public static string Medal(int mustReadRank) => mustReadRank switch
    {
        1 => "🥇",
        2 => "🥈",
        3 => "🥉",
        _ => "🏅",
    };

    /// <summary>"24h", "7d", "30m": whole days from two days up, else hours, else minutes.</summary>
    public static string Window(TimeSpan window)
    {
        if (window >= TimeSpan.FromHours(48) && window.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)window.TotalDays}d");
        }
        return window >= TimeSpan.FromHours(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)window.TotalHours}h")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)window.TotalMinutes}m");
    }
}
