namespace Digest.Core.Collecting;

/// <summary>A word (stemmed or lowered) and how much more or less than its rarity it says about a subject.</summary>
internal readonly record struct Term(string Key, double Boost);

/// <summary>
/// How rare each word is among the texts the grouper knows (inverse document frequency), and the weighted overlap
/// of two word lists under those weights: sharing "Kafka" says much, sharing "took" or "engine" little.
/// Word lists are sorted by key (ordinal) and hold each key once.
/// </summary>
internal sealed class WordRarity
{
    private readonly Dictionary<string, int> _textsWith = new(StringComparer.Ordinal);
    private int _texts;

    public void Add(IReadOnlyList<Term> terms)
    {
        _texts++;
        foreach (var term in terms)
        {
            _textsWith[term.Key] = _textsWith.GetValueOrDefault(term.Key) + 1;
        }
    }

    /// <summary>How much sharing this word says: its inverse document frequency among the texts known so far.</summary>
    public double Weight(string key) => Rarity(key);

    /// <summary>Weighted Jaccard: the weight both lists share over the weight either has, from 0 to 1.</summary>
    public double Similarity(IReadOnlyList<Term> a, IReadOnlyList<Term> b)
    {
        var (shared, either, _, _) = Overlap(a, b);
        return either == 0 ? 0 : shared / either;
    }

    /// <summary>The share of the lighter list's weight that the other list also has, from 0 to 1.</summary>
    public double Containment(IReadOnlyList<Term> a, IReadOnlyList<Term> b)
    {
        var (shared, _, onlyA, onlyB) = Overlap(a, b);
        var lighter = Math.Min(onlyA, onlyB) + shared;
        return lighter == 0 ? 0 : shared / lighter;
    }

    private (double Shared, double Either, double OnlyA, double OnlyB) Overlap(IReadOnlyList<Term> a, IReadOnlyList<Term> b)
    {
        double shared = 0, either = 0, onlyA = 0, onlyB = 0;
        int i = 0, j = 0;
        // Both lists are sorted by key, so one merge pass pairs up the shared words.
        while (i < a.Count || j < b.Count)
        {
            var order = i == a.Count ? 1 : j == b.Count ? -1 : string.CompareOrdinal(a[i].Key, b[j].Key);
            if (order == 0)
            {
                var rarity = Rarity(a[i].Key);
                shared += rarity * Math.Min(a[i].Boost, b[j].Boost);
                either += rarity * Math.Max(a[i].Boost, b[j].Boost);
                i++;
                j++;
            }
            else if (order < 0)
            {
                var weight = Rarity(a[i].Key) * a[i].Boost;
                either += weight;
                onlyA += weight;
                i++;
            }
            else
            {
                var weight = Rarity(b[j].Key) * b[j].Boost;
                either += weight;
                onlyB += weight;
                j++;
            }
        }
        return (shared, either, onlyA, onlyB);
    }

    // Smoothed so that a word in every known text weighs almost nothing even while the grouper knows only a few.
    private double Rarity(string key) => Math.Log((_texts + 1) / (_textsWith.GetValueOrDefault(key) + 0.5));
}
