namespace Digest.Core.Collecting;

/// <summary>The feeds a run collects: the baseline list plus the user's additions, minus their removals.</summary>
public sealed class FeedCatalog(IFeedListSource baseline, IFeedStore store)
{
    public async Task<IReadOnlyList<FeedSource>> GetAsync(CancellationToken ct)
    {
        var sources = await baseline.LoadAsync(ct);
        var added = await store.GetAddedAsync(ct);
        var removed = await store.GetRemovedAsync(ct);
        return sources
            .Concat(added)
            .Where(f => !removed.Contains(f.Url))
            .DistinctBy(f => f.Url, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
