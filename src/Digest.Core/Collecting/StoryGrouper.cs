using Digest.Core.Articles;
using Digest.Core.Assessing.Offline;

namespace Digest.Core.Collecting;

/// <summary>
/// Finds articles that tell the same story as an earlier one (another source, another URL):
/// titles sharing most of their meaningful words. An inverted index keeps it near-linear.
/// </summary>
public sealed class StoryGrouper
{
    private const double Threshold = 0.6;
    private const int MinWords = 3;
    private readonly List<(long StoryId, HashSet<string> Words)> _known = [];
    private readonly Dictionary<string, List<int>> _index = new(StringComparer.Ordinal);

    public StoryGrouper(IEnumerable<Article> earlier)
    {
        foreach (var article in earlier.OrderBy(a => a.Id))
        {
            Remember(article.StoryId, article.Title);
        }
    }

    /// <summary>The story an article belongs to: an earlier one it matches, or its own.</summary>
    public long Assign(Article article)
    {
        var words = TitleWords(article.Title);
        var story = article.StoryId;
        if (words.Count >= MinWords)
        {
            var shared = new Dictionary<int, int>();
            foreach (var word in words)
            {
                if (_index.TryGetValue(word, out var postings))
                {
                    foreach (var i in postings)
                    {
                        shared[i] = shared.GetValueOrDefault(i) + 1;
                    }
                }
            }
            var best = shared
                .Select(kv => (Index: kv.Key, Score: kv.Value / (double)(words.Count + _known[kv.Key].Words.Count - kv.Value)))
                .Where(c => c.Score >= Threshold)
                .OrderByDescending(c => c.Score)
                .ThenBy(c => c.Index)
                .FirstOrDefault();
            if (best.Score >= Threshold)
            {
                story = _known[best.Index].StoryId;
            }
        }
        Remember(story, article.Title);
        return story;
    }

    private void Remember(long storyId, string title)
    {
        var words = TitleWords(title);
        if (words.Count < MinWords)
        {
            return;
        }
        _known.Add((storyId, words));
        foreach (var word in words)
        {
            if (!_index.TryGetValue(word, out var postings))
            {
                _index[word] = postings = [];
            }
            postings.Add(_known.Count - 1);
        }
    }

    private static HashSet<string> TitleWords(string title) => Tokenizer.ContentWords(title).ToHashSet(StringComparer.Ordinal);
}
