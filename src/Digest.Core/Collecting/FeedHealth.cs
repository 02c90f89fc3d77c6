namespace Digest.Core.Collecting;

/// <summary>What we remember of a feed between runs: validators for conditional GET and its failure streak.</summary>
public sealed record FeedHealth(
    string Url,
    string? ETag,
    string? LastModified,
    DateTimeOffset? LastSuccessAt,
    int ConsecutiveFailures,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    int LastItemCount = 0)
{
    public static FeedHealth New(string url) => new(url, null, null, null, 0, null, null);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(24);

    public FeedHealth Succeeded(string? etag, string? lastModified, int itemCount, DateTimeOffset now) =>
        this with { ETag = etag, LastModified = lastModified, LastSuccessAt = now, ConsecutiveFailures = 0, LastError = null, NextAttemptAt = null, LastItemCount = itemCount };

    /// <summary>Records a failure; the next attempt waits 15 min, doubling per failure up to 24 h.</summary>
    public FeedHealth Failed(string error, DateTimeOffset now, TimeSpan? retryAfter = null)
    {
        var failures = ConsecutiveFailures + 1;
        var backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks * (1L << Math.Min(failures - 1, 20))));
        if (retryAfter is { } ra && ra > backoff)
        {
            backoff = ra < MaxBackoff ? ra : MaxBackoff;
        }
        return this with { ConsecutiveFailures = failures, LastError = error, NextAttemptAt = now + backoff };
    }

    public bool IsDue(DateTimeOffset now) => NextAttemptAt is null || NextAttemptAt <= now;
}
