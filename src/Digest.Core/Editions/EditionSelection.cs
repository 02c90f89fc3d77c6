using Digest.Core.Articles;
using Digest.Core.Assessing;

namespace Digest.Core.Editions;

/// <summary>Picks the edition's articles: best total score first, one per story, a cap per source, top N.</summary>
public static class EditionSelection
{
    public static IReadOnlyList<(Article Article, Assessment Assessment)> Select(
        IEnumerable<Article> inWindow,
        IReadOnlyDictionary<long, Assessment> assessments,
        int top,
        int perSourceCap)
    {
        var stories = new HashSet<long>();
        var perSource = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var picked = new List<(Article, Assessment)>();
        foreach (var (article, assessment) in Ranked(inWindow, assessments))
        {
            if (picked.Count == top)
            {
                break;
            }
            if (perSource.GetValueOrDefault(article.Source) >= perSourceCap || !stories.Add(article.StoryId))
            {
                continue;
            }
            perSource[article.Source] = perSource.GetValueOrDefault(article.Source) + 1;
            picked.Add((article, assessment));
        }
        return picked;
    }

    /// <summary>
    /// The next-best picks after <paramref name="main"/>, for subscribers who were sent some of them: one per story,
    /// the same cap per source, and a story already picked only again with a newer article — the update someone who had
    /// the story is shown instead (<see cref="EditionCut"/> keeps one article per story in any cut).
    /// </summary>
    public static IReadOnlyList<(Article Article, Assessment Assessment)> SelectReserve(
        IEnumerable<Article> inWindow,
        IReadOnlyDictionary<long, Assessment> assessments,
        IReadOnlyList<(Article Article, Assessment Assessment)> main,
        int reserve,
        int perSourceCap)
    {
        var mainByStory = main.ToDictionary(m => m.Article.StoryId, m => m.Article);
        var taken = main.Select(m => m.Article.Id).ToHashSet();
        var perSource = main.GroupBy(m => m.Article.Source, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var stories = new HashSet<long>();
        var picked = new List<(Article, Assessment)>();
        foreach (var (article, assessment) in Ranked(inWindow, assessments))
        {
            if (picked.Count == reserve)
            {
                break;
            }
            var isUpdate = mainByStory.TryGetValue(article.StoryId, out var told);
            if (taken.Contains(article.Id)
                || perSource.GetValueOrDefault(article.Source) >= perSourceCap
                || (isUpdate && !(article.PublishedAt > told!.PublishedAt))
                || !stories.Add(article.StoryId))
            {
                continue;
            }
            perSource[article.Source] = perSource.GetValueOrDefault(article.Source) + 1;
            picked.Add((article, assessment));
        }
        return picked;
    }

    private static IEnumerable<(Article Article, Assessment Assessment)> Ranked(
        IEnumerable<Article> inWindow, IReadOnlyDictionary<long, Assessment> assessments) =>
        inWindow
            .Where(a => assessments.ContainsKey(a.Id))
            .Select(a => (Article: a, Assessment: assessments[a.Id]))
            .OrderByDescending(x => x.Assessment.Total)
            .ThenByDescending(x => x.Article.PublishedAt)
            .ThenBy(x => x.Article.Id);
}
