namespace Digest.Core.Collecting;

/// <summary>
/// The feeds a run collects: the baseline list plus the user's additions, minus their removals (<see cref="GetAsync"/>,
/// the daily's), and the weekly briefing's own sources on top (<see cref="GetCollectedAsync"/>).
/// </summary>
public sealed class FeedCatalog(IFeedListSource baseline, IFeedStore store, IWeeklyFeedList weekly)
{
    /// <summary>The daily feeds: what the daily edition is made of and what the LLM assesses.</summary>
    public async Task<IReadOnlyList<FeedSource>> GetAsync(CancellationToken ct) =>
        await DailyAsync(await store.GetRemovedAsync(ct), ct);

    /// <summary>
    /// Everything a collect reads: the daily feeds, and the weekly sources that are not daily feeds too (read with them
    /// through <see cref="Collector.CollectAsync"/>'s <c>alsoRead</c>). What the user removed is in neither.
    /// </summary>
    public async Task<CollectedFeeds> GetCollectedAsync(CancellationToken ct)
    {
        var removed = await store.GetRemovedAsync(ct);
        var daily = await DailyAsync(removed, ct);
        var urls = daily.Select(f => f.Url).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var weeklyOnly = (await weekly.LoadAsync(ct))
            .Where(w => !urls.Contains(w.Feed.Url) && !removed.Contains(w.Feed.Url))
            .DistinctBy(w => w.Feed.Url, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new CollectedFeeds(daily, weeklyOnly);
    }

    /// <summary>
    /// The weekly list's URLs that are not daily feeds, removed ones included: their articles, older ones too, stay out of
    /// the daily edition and are never sent to the LLM for assessing.
    /// </summary>
    public async Task<IReadOnlySet<string>> GetWeeklyOnlyAsync(CancellationToken ct)
    {
        var daily = (await GetAsync(ct)).Select(f => f.Url).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (await weekly.LoadAsync(ct))
            .Select(w => w.Feed.Url)
            .Where(url => !daily.Contains(url))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private async Task<IReadOnlyList<FeedSource>> DailyAsync(IReadOnlySet<string> removed, CancellationToken ct)
    {
        var sources = await baseline.LoadAsync(ct);
        var added = await store.GetAddedAsync(ct);
        return sources
            .Concat(added)
            .Where(f => !removed.Contains(f.Url))
            .DistinctBy(f => f.Url, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}

/// <summary>What a collect reads: the daily feeds, and the weekly briefing's own sources with the section each feeds.</summary>
public sealed record CollectedFeeds(IReadOnlyList<FeedSource> Daily, IReadOnlyList<WeeklySource> WeeklyOnly)
{
    public IReadOnlyList<FeedSource> WeeklyOnlyFeeds => [.. WeeklyOnly.Select(w => w.Feed)];
}
