namespace Digest.Core.Assessing.Offline;

/// <summary>
/// TF-IDF keywords: terms (words and two-word phrases) frequent in one article but rare across the corpus given,
/// with title terms weighted up.
/// </summary>
internal sealed class KeywordExtractor
{
    private const int TitleWeight = 3;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly int _documents;

    public KeywordExtractor(IEnumerable<(string Title, string Text)> corpus)
    {
        foreach (var (title, text) in corpus)
        {
            _documents++;
            foreach (var term in Terms(title).Concat(Terms(text)).Distinct())
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }
        }
    }

    public IReadOnlyList<string> Extract(string title, string text, int max)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in Terms(title))
        {
            frequency[term] = frequency.GetValueOrDefault(term) + TitleWeight;
        }
        foreach (var term in Terms(text))
        {
            frequency[term] = frequency.GetValueOrDefault(term) + 1;
        }

        var ranked = frequency
            .Select(kv => (Term: kv.Key, Score: kv.Value * Idf(kv.Key) * (kv.Key.Contains(' ', StringComparison.Ordinal) ? 1.5 : 1.0)))
            .Where(t => t.Score > 0)
            .OrderByDescending(t => t.Score)
            .ThenBy(t => t.Term, StringComparer.Ordinal)
            .Select(t => t.Term);

        // A phrase and the words inside it say the same thing: keep whichever ranks first.
        var picked = new List<string>();
        foreach (var term in ranked)
        {
            if (picked.Any(p => Overlaps(p, term)))
            {
                continue;
            }
            picked.Add(term);
            if (picked.Count == max)
            {
                break;
            }
        }
        return picked;
    }

    private double Idf(string term) =>
        Math.Log((1.0 + _documents) / (1.0 + _documentFrequency.GetValueOrDefault(term))) + 1.0;

    private static bool Overlaps(string a, string b) =>
        a.Split(' ').Where(w => w != "of").Intersect(b.Split(' '), StringComparer.Ordinal).Any();

    /// <summary>Content words, adjacent pairs of them, and "x of y" phrases ("proof of work").</summary>
    private static IEnumerable<string> Terms(string text)
    {
        string? previous = null;
        string? beforeOf = null;
        foreach (var word in Tokenizer.Words(text))
        {
            var isContent = word.Length >= 2 && !Stopwords.English.Contains(word) && !word.All(char.IsDigit);
            if (!isContent)
            {
                beforeOf = word == "of" ? previous : null;
                previous = null;
                continue;
            }
            yield return word;
            if (previous is not null)
            {
                yield return previous + " " + word;
            }
            else if (beforeOf is not null)
            {
                yield return beforeOf + " of " + word;
            }
            beforeOf = null;
            previous = word;
        }
    }
}
