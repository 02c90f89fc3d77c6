namespace Digest.Core.Collecting;

/// <summary>Fetches and parses one feed over the wire. Never throws for a broken or hostile feed: it reports a failure.</summary>
public interface IFeedFetcher
{
    Task<FeedFetchResult> FetchAsync(FeedSource source, FeedHealth health, CancellationToken ct);
}

public enum FeedFetchStatus
{
    Ok,
    NotModified,
    Failed,
}

/// <summary>One item as the feed gave it, its title and text already plain (the feed adapter reads the markup).</summary>
public sealed record FetchedItem(
    string? Guid,
    string Url,
    string Title,
    string? Text,
    DateTimeOffset? PublishedAt,
    string? Author = null);

public sealed record FeedFetchResult(
    FeedFetchStatus Status,
    IReadOnlyList<FetchedItem> Items,
    string? ETag,
    string? LastModified,
    string? Error,
    TimeSpan? RetryAfter = null)
{
    /// <summary>Items the feed listed that could not become articles (no usable link): counted, never fatal.</summary>
    public int Skipped { get; init; }

    public static FeedFetchResult NotModified(string? etag, string? lastModified) =>
        new(FeedFetchStatus.NotModified, [], etag, lastModified, null);

    public static FeedFetchResult Failure(string error, TimeSpan? retryAfter = null) =>
        new(FeedFetchStatus.Failed, [], null, null, error, retryAfter);
}
