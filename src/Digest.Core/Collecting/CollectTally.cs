namespace Digest.Core.Collecting;

/// <summary>The counts of a collection run as its feeds come in, for its <see cref="CollectReport"/>.</summary>
internal sealed class CollectTally
{
    private readonly List<FeedFailure> _failures = [];
    private int _ok;
    private int _items;
    private int _new;

    public void Succeeded(int items, int newArticles)
    {
        _ok++;
        _items += items;
        _new += newArticles;
    }

    public void Failed(FeedFailure failure) => _failures.Add(failure);

    public CollectReport Report(DateTimeOffset startedAt, DateTimeOffset finishedAt, int sources) =>
        new(startedAt, finishedAt, _ok, sources, _items, _new, _failures.OrderBy(f => f.Url, StringComparer.Ordinal).ToList());
}
