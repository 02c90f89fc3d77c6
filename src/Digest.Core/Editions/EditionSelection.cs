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
        var ranked = inWindow
            .Where(a => assessments.ContainsKey(a.Id))
            .Select(a => (Article: a, Assessment: assessments[a.Id]))
            .OrderByDescending(x => x.Assessment.Total)
            .ThenByDescending(x => x.Article.PublishedAt)
            .ThenBy(x => x.Article.Id);
        foreach (var (article, assessment) in ranked)
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
}
