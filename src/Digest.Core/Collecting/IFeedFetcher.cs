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

/// <summary>
/// One item as the feed gave it, its title and text already plain (the feed adapter reads the markup). A podcast
/// episode also carries its audio or video file and its running time, when the feed states them.
/// </summary>
public sealed record FetchedItem(
    string? Guid,
    string Url,
    string Title,
    string? Text,
    DateTimeOffset? PublishedAt,
    string? Author = null,
    MediaEnclosure? Enclosure = null,
    TimeSpan? Duration = null);

/// <summary>An item's audio or video file: its absolute http(s) URL, media type and size in bytes, as far as the feed says.</summary>
public sealed record MediaEnclosure(string Url, string? MediaType, long? Length);

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
