using System.Globalization;
using Digest.Core.Articles;
using Digest.Core.Editions;

namespace Digest.Core.Rendering;

/// <summary>
/// The words every renderer puts around a whole edition (title, headings, counts, footer), so Markdown, Telegram and
/// later channels say them alike; each renderer only adds its markup and escaping.
/// </summary>
public static class EditionText
{
    public const string OfflineNote = "Assessed offline (no LLM): scores, categories and summaries come from built-in heuristics.";

    // True of a whole edition with an empty window and of a cut that left everything out alike.
    public const string Empty = "Nothing made it into this edition.";

    public static string Title(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return edition.Kind == EditionKind.Weekly
            ? $"AI Weekly Briefing — {Date(edition.Date)}"
            : $"AI Daily Digest — {Date(edition.Date)}";
    }

    public static string HighlightsHeading(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return edition.Kind == EditionKind.Weekly ? "This Week's Highlights" : "Today's Highlights";
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"14", or "14 (2 for you)" when this is a subscriber's cut of fewer articles than the edition selected.</summary>
    public static string Selected(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var selected = edition.Stats.Selected;
        return edition.Items.Count < selected
            ? string.Create(CultureInfo.InvariantCulture, $"{selected} ({edition.Items.Count} for you)")
            : selected.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>"🤖 AI / ML 3 · ⚙️ Engineering 2": the data overview's categories with their counts, in the edition's order.</summary>
    public static string Categories(EditionStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return string.Join(ItemText.Separator, stats.Categories.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Category.EmojiLabel()} {c.Count}")));
    }

    /// <summary>
    /// "Generated at 2026-04-16 14:01 UTC | Scanned 89 sources -> 2542 articles -> selected 15". The zone is named
    /// because subscribers read it in their own time zone.
    /// </summary>
    public static string Footer(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var s = edition.Stats;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Generated at {edition.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC | Scanned {s.SourcesOk} sources -> {s.ArticlesFetched} articles -> selected {s.Selected}");
    }
}
