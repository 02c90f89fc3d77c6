using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Collecting;

namespace Digest.Core.Weekly;

/// <summary>
/// The week's articles grouped into stories and ranked. Collecting already groups an article with the stories of the
/// week before it; a story told on Monday and again on Thursday in other words can still have been stored as two (the
/// second arrived first, a title changed). So the week is grouped once more as a whole, and stories whose articles
/// match are merged. A story ranks by its best assessment, raised by how many sources covered it.
/// </summary>
public static class WeeklyStories
{
    // Each further source adds half of the best article's score: coverage counts, but five blogs echoing a press
    // release do not outrank one excellent piece by five times.
    private const double PerExtraSource = 0.5;

    public static IReadOnlyList<WeeklyStory> Rank(IReadOnlyList<Article> articles, IReadOnlyDictionary<long, Assessment> scores)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(scores);
        var assessed = articles.Where(a => scores.ContainsKey(a.Id)).ToList();
        var merged = Merge(assessed);
        return assessed
            .GroupBy(a => merged.Find(a.StoryId))
            .Select(g => Story(g.Key, g.ToList(), scores))
            .OrderByDescending(s => s.Weight)
            .ThenByDescending(s => s.Lead.PublishedAt ?? s.Lead.FirstSeenAt)
            .ThenBy(s => s.Lead.Id)
            .ToList();
    }

    /// <summary>Stored stories joined when a fresh grouping of the week puts their articles together.</summary>
    private static StoryJoins Merge(IReadOnlyList<Article> week)
    {
        var joins = new StoryJoins();
        var grouper = new StoryGrouper([]);
        foreach (var article in week.OrderBy(a => a.PublishedAt ?? a.FirstSeenAt).ThenBy(a => a.Id))
        {
            joins.Join(article.StoryId, grouper.Assign(article));
        }
        return joins;
    }

    private static WeeklyStory Story(long id, List<Article> members, IReadOnlyDictionary<long, Assessment> scores)
    {
        // The best-assessed article tells the story; of equals, the first out.
        var ordered = members
            .OrderByDescending(a => scores[a.Id].Total)
            .ThenBy(a => a.PublishedAt ?? a.FirstSeenAt)
            .ThenBy(a => a.Id)
            .ToList();
        var sources = ordered.Select(a => a.Source).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var weight = scores[ordered[0].Id].Total * (1 + (PerExtraSource * (sources - 1)));
        return new WeeklyStory(id, ordered[0], ordered.Skip(1).ToList(), sources, weight);
    }

    /// <summary>Union-find over story ids: the smaller id names a joined story, as the grouper's ties do.</summary>
    private sealed class StoryJoins
    {
        private readonly Dictionary<long, long> _parent = [];

        public long Find(long story)
        {
            while (_parent.TryGetValue(story, out var parent) && parent != story)
            {
                story = parent;
            }
            return story;
        }

        public void Join(long a, long b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }
    }
}

/// <summary>One story of the week: its lead article, the others that told it (best first), and its rank weight.</summary>
public sealed record WeeklyStory(long StoryId, Article Lead, IReadOnlyList<Article> Others, int Sources, double Weight);
