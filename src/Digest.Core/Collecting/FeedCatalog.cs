namespace Digest.Core.Collecting;

/// <summary>
/// The feeds a run collects: the baseline list plus the user's additions, minus their removals (<see cref="GetAsync"/>,
/// the daily's), and the weekly briefing's own sources on top (<see cref="GetWeeklyOnlySourcesAsync"/>).
/// </summary>
public sealed class FeedCatalog(IFeedListSource baseline, IFeedStore store, IWeeklyFeedList weekly)
{
    /// <summary>The daily feeds: what the daily edition is made of and what the LLM assesses.</summary>
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

    /// <summary>
    /// The weekly sources that are not daily feeds too, the ones the user removed left out: a collect reads them with
    /// the daily feeds (<see cref="Collector.CollectAsync"/>'s <c>alsoRead</c>).
    /// </summary>
    public async Task<IReadOnlyList<FeedSource>> GetWeeklyOnlySourcesAsync(CancellationToken ct)
    {
        var daily = (await GetAsync(ct)).Select(f => f.Url).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var removed = await store.GetRemovedAsync(ct);
        return (await weekly.LoadAsync(ct))
            .Select(w => w.Feed)
            .Where(f => !daily.Contains(f.Url) && !removed.Contains(f.Url))
            .DistinctBy(f => f.Url, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// The weekly sources that are not also daily feeds: collected for the weekly briefing only, so their articles stay
    /// out of the daily edition and are never sent to the LLM for assessing.
    /// </summary>
    public async Task<IReadOnlySet<string>> GetWeeklyOnlyAsync(CancellationToken ct) =>
        (await GetWeeklyOnlySourcesAsync(ct)).Select(f => f.Url).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
