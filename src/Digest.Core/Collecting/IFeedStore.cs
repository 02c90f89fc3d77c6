namespace Digest.Core.Collecting;

/// <summary>The user's changes to the feed list, and each feed's health.</summary>
public interface IFeedStore
{
    /// <summary>Feeds added by the user (CLI or OPML import), on top of the baseline list.</summary>
    Task<IReadOnlyList<FeedSource>> GetAddedAsync(CancellationToken ct);

    /// <summary>URLs the user removed, baseline ones included.</summary>
    Task<IReadOnlySet<string>> GetRemovedAsync(CancellationToken ct);

    Task AddAsync(FeedSource feed, CancellationToken ct);

    Task RemoveAsync(string url, CancellationToken ct);

    Task<IReadOnlyDictionary<string, FeedHealth>> GetHealthAsync(CancellationToken ct);

    Task SaveHealthAsync(FeedHealth health, CancellationToken ct);

    Task SaveReportAsync(CollectReport report, CancellationToken ct);

    Task<CollectReport?> GetLatestReportAsync(CancellationToken ct);
}
