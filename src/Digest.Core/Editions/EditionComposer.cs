using Digest.Core.Articles;
using Digest.Core.Assessing;

namespace Digest.Core.Editions;

/// <summary>
/// Lays out an edition: articles grouped by category (largest category first, best score first within),
/// numbered in that order; the top scores overall are the must-reads; counts for the data overview. Reserve picks
/// (best first) and the other sources of each story ride along for subscribers' cuts.
/// </summary>
public static class EditionComposer
{
    public static Edition Compose(
        IReadOnlyList<(Article Article, Assessment Assessment, Writeup Writeup)> selected,
        string highlights,
        EditionContext context,
        IReadOnlyList<(Article Article, Assessment Assessment, Writeup Writeup)>? reserve = null,
        IReadOnlyDictionary<long, IReadOnlyList<string>>? storySources = null)
    {
        var categoryOrder = selected
            .GroupBy(s => s.Assessment.Category)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Max(s => s.Assessment.Total))
            .ThenBy(g => g.Key)
            .Select(g => g.Key)
            .ToList();
        var mustReadIds = selected
            .OrderByDescending(s => s.Assessment.Total)
            .ThenByDescending(s => s.Article.PublishedAt)
            .ThenBy(s => s.Article.Id)
            .Take(context.MustReads)
            .Select(s => s.Article.Id)
            .ToList();

        var items = selected
            .OrderBy(s => categoryOrder.IndexOf(s.Assessment.Category))
            .ThenByDescending(s => s.Assessment.Total)
            .ThenByDescending(s => s.Article.PublishedAt)
            .ThenBy(s => s.Article.Id)
            .Select((s, index) => Item(s, index + 1, mustReadIds.IndexOf(s.Article.Id) + 1, storySources))
            .ToList();
        var spare = (reserve ?? [])
            .Select((s, index) => Item(s, items.Count + index + 1, 0, storySources))
            .ToList();

        var categories = categoryOrder
            .Select(c => new CategoryCount(c, items.Count(i => i.Category == c)))
            .ToList();
        var keywords = items
            .SelectMany(i => i.Keywords.Select(k => k.Trim().ToLowerInvariant()).Distinct())
            .Where(k => k.Length > 0)
            .GroupBy(k => k, StringComparer.Ordinal)
            .Select((g, firstSeen) => (g.Key, Count: g.Count(), firstSeen))
            .OrderByDescending(k => k.Count)
            .ThenBy(k => k.firstSeen)
            .Select(k => new KeywordCount(k.Key, k.Count))
            .ToList();

        var stats = new EditionStats(
            context.SourcesOk,
            context.SourcesTotal,
            context.ArticlesFetched,
            context.ArticlesInWindow,
            context.Window,
            items.Count,
            categories,
            keywords);
        return new Edition(
            Id: 0,
            EditionKind.Daily,
            DateOnly.FromDateTime(context.GeneratedAt.UtcDateTime),
            context.GeneratedAt,
            context.Language,
            AssessedOffline: selected.Any(s => s.Assessment.IsOffline),
            highlights,
            items,
            stats)
        { Reserve = spare };
    }

    /// <summary>An article as an edition shows it: its stored facts, assessment and write-up (weekly editions too).</summary>
    public static EditionItem Item(
        (Article Article, Assessment Assessment, Writeup Writeup) s,
        int rank,
        int mustReadRank,
        IReadOnlyDictionary<long, IReadOnlyList<string>>? storySources) =>
        new(
            rank,
            s.Article.Id,
            s.Article.Title,
            s.Article.CanonicalUrl,
            s.Article.Source,
            s.Article.PublishedAt ?? s.Article.FirstSeenAt,
            s.Assessment.Category,
            s.Assessment.Relevance,
            s.Assessment.Quality,
            s.Assessment.Timeliness,
            s.Assessment.Keywords,
            s.Writeup.Tags.Count > 0 ? s.Writeup.Tags : s.Assessment.Keywords,
            s.Writeup.Summary,
            s.Writeup.WhyRead,
            MustRead: mustReadRank > 0,
            MustReadRank: mustReadRank)
        {
            StoryId = s.Article.StoryId,
            AlsoCoveredBy = storySources?.GetValueOrDefault(s.Article.StoryId)?
                .Where(source => !source.Equals(s.Article.Source, StringComparison.OrdinalIgnoreCase))
                .ToList() ?? [],
            Duration = s.Article.Duration,
        };
}

/// <summary>The facts around an edition that do not come from its articles.</summary>
public sealed record EditionContext(
    DateTimeOffset GeneratedAt,
    string Language,
    TimeSpan Window,
    int MustReads,
    int SourcesOk,
    int SourcesTotal,
    int ArticlesFetched,
    int ArticlesInWindow);
