namespace Digest.Core.Collecting;

/// <summary>
/// An inverted index from a lead (a title word, a mention, a body band) to the articles that have it. Postings are
/// chained through two shared arrays instead of a list per key: a week of articles has a few hundred thousand
/// band keys, nearly all with one article, and a list each would be most of the grouper's memory.
/// </summary>
internal sealed class Postings<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, (int Head, int Count)> _keys;
    private readonly List<int> _articles = [];
    private readonly List<int> _next = [];

    public Postings(IEqualityComparer<TKey>? comparer = null) => _keys = new(comparer);

    /// <summary>Files <paramref name="article"/> under <paramref name="key"/>, once however often it is added in a row.</summary>
    public void Add(TKey key, int article)
    {
        var found = _keys.TryGetValue(key, out var entry);
        if (found && _articles[entry.Head] == article)
        {
            return;
        }
        _articles.Add(article);
        _next.Add(found ? entry.Head : -1);
        _keys[key] = (_articles.Count - 1, entry.Count + 1);
    }

    /// <summary>How many articles have the key (0 for an unknown key).</summary>
    public int Count(TKey key) => _keys.TryGetValue(key, out var entry) ? entry.Count : 0;

    /// <summary>Calls <paramref name="visit"/> with each article that has the key, newest first.</summary>
    public void ForEach<TState>(TKey key, TState state, Action<int, TState> visit)
    {
        if (!_keys.TryGetValue(key, out var entry))
        {
            return;
        }
        for (var at = entry.Head; at >= 0; at = _next[at])
        {
            visit(_articles[at], state);
        }
    }
}
