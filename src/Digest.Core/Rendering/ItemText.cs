using System.Globalization;
using Digest.Core.Articles;
using Digest.Core.Editions;

namespace Digest.Core.Rendering;

/// <summary>The words every renderer puts around an edition's items, so Markdown, Telegram and later channels agree.</summary>
public static class ItemText
{
    public const string Untitled = "(untitled)";

    public const string Separator = " · ";

    private const int NamedSources = 3;

    /// <summary>The item's title on one line, marked when it is news on a story the subscriber already had.</summary>
    public static string Title(EditionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var title = LinkText(item);
        return item.IsUpdate ? "Update: " + title : title;
    }

    /// <summary>The title as the text of the article's link: on one line, never empty.</summary>
    public static string LinkText(EditionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var title = OneLine(item.Title);
        return title.Length > 0 ? title : Untitled;
    }

    /// <summary>"⭐ 21/30".</summary>
    public static string Score(EditionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.Create(CultureInfo.InvariantCulture, $"⭐ {item.Total}/30");
    }

    /// <summary>The facts under an article's title: source, age, score and who else covered it, to join with <see cref="Separator"/>.</summary>
    public static IReadOnlyList<string> Facts(EditionItem item, DateTimeOffset now) => FactsWith(item, now, Score(item));

    /// <summary>A must-read's facts: like <see cref="Facts"/> with its category in place of the score it is ranked by.</summary>
    public static IReadOnlyList<string> MustReadFacts(EditionItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        return FactsWith(item, now, item.Category.EmojiLabel());
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

    /// <summary>Titles, sources and tags from feeds carry stray line breaks and runs of spaces: one line each.</summary>
    public static string OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<string> FactsWith(EditionItem item, DateTimeOffset now, string third)
    {
        ArgumentNullException.ThrowIfNull(item);
        var facts = new List<string> { OneLine(item.Source), RelativeAge.Format(item.PublishedAt, now), third };
        if (CoveredBy(item) is { } covered)
        {
            facts.Add(OneLine(covered));
        }
        return facts;
    }
}
