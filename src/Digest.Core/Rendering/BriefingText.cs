using System.Globalization;
using Digest.Core.Editions;
using Digest.Core.Weekly;

namespace Digest.Core.Rendering;

/// <summary>
/// The words every renderer puts around the weekly briefing (title, headings, dates, an episode's facts, the offline
/// note, the footer), so Markdown, Telegram and Discord say them alike; each renderer only adds markup and escaping.
/// Dates are read in UTC, like the footer's time, so a rendering never depends on the machine's zone.
/// </summary>
public static class BriefingText
{
    public const string Title = "Weekly Briefing";

    /// <summary>Leads a story's, a paper's "why it matters" line.</summary>
    public const string Arrow = "→ ";

    /// <summary>Between a show or outlet and its title, and between a reading's title and its note.</summary>
    public const string Dash = " — ";

    public const string SignalLead = "The week's signal: ";

    /// <summary>"Weekly Briefing · Nov 23 – Nov 29, 2026".</summary>
    public static string TitleWithWeek(WeeklyBriefing briefing) => Title + ItemText.Separator + Week(briefing);

    /// <summary>"Nov 23 – Nov 29, 2026"; a week across New Year names both years.</summary>
    public static string Week(WeeklyBriefing briefing)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        var start = briefing.WeekStart;
        var end = briefing.WeekEnd;
        var first = start.Year == end.Year ? Format(start, "MMM d") : Format(start, "MMM d, yyyy");
        return $"{first} – {Format(end, "MMM d, yyyy")}";
    }

    /// <summary>The heading of a section that has one; the thesis and the signal stand without.</summary>
    public static string Heading(BriefingSection section) => section switch
    {
        BriefingSection.WatchAndListen => "Watch & Listen First",
        BriefingSection.Takeaways => "Key Takeaways",
        BriefingSection.BigStory => "The Big Story",
        BriefingSection.AlsoThisWeek => "Also This Week",
        BriefingSection.FromTheLab => "From the Lab",
        BriefingSection.WorthReading => "Worth Reading",
        BriefingSection.Thesis => "The thesis",
        BriefingSection.Signal => "The week's signal",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };

    /// <summary>What a section says in a quiet week, under its heading, rather than vanishing.</summary>
    public static string Empty(BriefingSection section) => section switch
    {
        BriefingSection.WatchAndListen => "No podcast or video episodes were collected this week.",
        BriefingSection.Takeaways => "No takeaways this week.",
        BriefingSection.BigStory => "No story stood out this week.",
        BriefingSection.AlsoThisWeek => "Nothing else made the cut this week.",
        BriefingSection.FromTheLab => "No papers this week.",
        BriefingSection.WorthReading => "Nothing more to recommend this week.",
        _ => string.Empty,
    };

    /// <summary>
    /// Which sections were written without the LLM, from the articles' own summaries; null when the LLM wrote them all.
    /// </summary>
    public static string? OfflineNote(WeeklyBriefing briefing)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        var offline = briefing.OfflineSections.Distinct().Order().ToList();
        if (offline.Count == 0)
        {
            return null;
        }
        return offline.Count == BriefingRules.Every.Count
            ? "Written offline (no LLM): every section is drawn from the articles' own summaries."
            : "Written offline (no LLM), from the articles' own summaries: " + string.Join(", ", offline.Select(Heading)) + ".";
    }

    /// <summary>"Apr 15".</summary>
    public static string ShortDate(DateTimeOffset at) => ShortDate(DateOnly.FromDateTime(at.UtcDateTime));

    public static string ShortDate(DateOnly day) => Format(day, "MMM d");

    /// <summary>"April 15, 2026".</summary>
    public static string LongDate(DateTimeOffset at) => Format(DateOnly.FromDateTime(at.UtcDateTime), "MMMM d, yyyy");

    /// <summary>"1h 12m", "2h", "45m"; never "0m" for an episode under a minute.</summary>
    public static string Duration(TimeSpan length)
    {
        var minutes = Math.Max(1, (int)length.TotalMinutes);
        var (hours, rest) = Math.DivRem(minutes, 60);
        return hours == 0 ? Invariant($"{rest}m") : rest == 0 ? Invariant($"{hours}h") : Invariant($"{hours}h {rest}m");
    }

    /// <summary>An episode's facts in its parentheses: "latent.space, Apr 15 · 1h 12m" (the length when its feed says).</summary>
    public static string EpisodeFacts(EditionItem episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        // Where it plays (the episode page's site, as the sample names Spotify or the show's own site), then when.
        var where = Uri.TryCreate(episode.Url, UriKind.Absolute, out var url) && url.Host.Length > 0
            ? (url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host)
            : Source(episode);
        var facts = $"{where}, {ShortDate(episode.PublishedAt)}";
        return episode.Duration is { } length ? facts + ItemText.Separator + Duration(length) : facts;
    }

    /// <summary>"arXiv 2604.01411".</summary>
    public static string Arxiv(string arxivId) => "arXiv " + ItemText.OneLine(arxivId);

    /// <summary>Where an item comes from, on one line; its title when the feed named no source.</summary>
    public static string Source(EditionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var source = ItemText.OneLine(item.Source);
        return source.Length > 0 ? source : ItemText.LinkText(item);
    }

    /// <summary>"12 articles cited · 9 sources · Generated at 2026-11-29 08:00 UTC".</summary>
    public static string Footer(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var cited = edition.Items;
        var sources = cited.Select(i => ItemText.OneLine(i.Source)).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        return Count(cited.Count, "article") + " cited" + ItemText.Separator + Count(sources, "source") + ItemText.Separator
            + Invariant($"Generated at {edition.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : Invariant($"{count} {noun}s");

    private static string Format(DateOnly date, string format) => date.ToString(format, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
