namespace Digest.Core.Collecting;

/// <summary>
/// The feeds a run collects: the baseline list plus the user's additions, minus their removals (<see cref="GetAsync"/>,
/// the daily's), and the weekly briefing's own sources on top (<see cref="GetCollectedAsync"/>).
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
    /// Everything a collect reads: the daily feeds and then the weekly sources, each URL once. A weekly source the user
    /// removed is not read either.
    /// </summary>
    public async Task<IReadOnlyList<FeedSource>> GetCollectedAsync(CancellationToken ct)
    {
        var daily = await GetAsync(ct);
        var removed = await store.GetRemovedAsync(ct);
        return daily
            .Concat((await weekly.LoadAsync(ct)).Select(w => w.Feed).Where(f => !removed.Contains(f.Url)))
            .DistinctBy(f => f.Url, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// The weekly sources that are not also daily feeds: collected for the weekly briefing only, so their articles stay
    /// out of the daily edition and are never sent to the LLM for assessing.
    /// </summary>
    public async Task<IReadOnlySet<string>> GetWeeklyOnlyAsync(CancellationToken ct)
    {
        var daily = (await GetAsync(ct)).Select(f => f.Url).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (await weekly.LoadAsync(ct))
            .Select(w => w.Feed.Url)
            .Where(url => !daily.Contains(url))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
