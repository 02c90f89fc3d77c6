using System.Collections.Concurrent;

namespace Digest.Discord.Rest;

/// <summary>
/// Discord's buckets as learned from its headers. Requests of one bucket go one at a time (as discord.js does), so the
/// Remaining a response reports is the truth for the next request and none is ever sent into an empty bucket; a
/// route's bucket id is learned from its first answer, until then the route is its own bucket.
/// </summary>
internal sealed class DiscordRateLimits(TimeProvider time)
{
    // Reset-After is rounded by Discord and measured from its clock; a little slack keeps us past the real reset.
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly object _globalGate = new();
    private DateTimeOffset _globalUntil = DateTimeOffset.MinValue;

    /// <summary>The bucket's id and major parameter, as logged under "bucket".</summary>
    public string BucketOf(DiscordRoute route) =>
        _bucketOfRoute.TryGetValue(route.Key, out var id) ? id + ":" + route.MajorParameter : "route:" + route.Key;

    /// <summary>Waits for the route's turn, its bucket's reset and any global pause; dispose the lease once answered.</summary>
    public async Task<IDisposable> AcquireAsync(DiscordRoute route, CancellationToken ct)
    {
        var key = BucketOf(route);
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket());
        await bucket.Turn.WaitAsync(ct);
        while (BucketOf(route) is var learned && learned != key)
        {
            // The answer we queued behind taught the route its real bucket: queue there instead.
            bucket.Turn.Release();
            key = learned;
            bucket = _buckets.GetOrAdd(key, _ => new Bucket());
            await bucket.Turn.WaitAsync(ct);
        }
        try
        {
            while (true)
            {
                var wait = Wait(bucket, route);
                if (wait <= TimeSpan.Zero)
                {
                    return new Lease(bucket);
                }
                await Task.Delay(wait, time, ct);
            }
        }
        catch
        {
            bucket.Turn.Release();
            throw;
        }
    }

    /// <summary>Learns the route's bucket and its state from an answer.</summary>
    public void Observe(DiscordRoute route, RateLimitHeaders headers)
    {
        if (headers.Bucket is { Length: > 0 } id)
        {
            _bucketOfRoute[route.Key] = id;
        }
        if (headers.Remaining is not { } remaining || headers.ResetAfter is not { } resetAfter)
        {
            return;
        }
        var bucket = _buckets.GetOrAdd(BucketOf(route), _ => new Bucket());
        lock (bucket)
        {
            bucket.Remaining = remaining;
            bucket.ResetAt = time.GetUtcNow() + resetAfter + Slack;
        }
    }

    /// <summary>A 429 for this route alone: its bucket is empty for <paramref name="retryAfter"/>.</summary>
    public void PauseRoute(DiscordRoute route, TimeSpan retryAfter)
    {
        var bucket = _buckets.GetOrAdd(BucketOf(route), _ => new Bucket());
        lock (bucket)
        {
            bucket.Remaining = 0;
            bucket.ResetAt = Later(bucket.ResetAt, time.GetUtcNow() + retryAfter + Slack);
        }
    }

    /// <summary>A global 429: no route but the interaction callbacks may send until it ends.</summary>
    public void PauseAll(TimeSpan retryAfter)
    {
        lock (_globalGate)
        {
            _globalUntil = Later(_globalUntil, time.GetUtcNow() + retryAfter + Slack);
        }
    }

    private TimeSpan Wait(Bucket bucket, DiscordRoute route)
    {
        var now = time.GetUtcNow();
        if (!route.ExemptFromGlobal)
        {
            lock (_globalGate)
            {
                if (_globalUntil > now)
                {
                    return _globalUntil - now;
                }
            }
        }
        lock (bucket)
        {
            if (bucket.Remaining == 0 && bucket.ResetAt > now)
            {
                return bucket.ResetAt - now;
            }
            if (bucket.Remaining == 0)
            {
                // Reset passed: the next answer tells the new Remaining.
                bucket.Remaining = null;
            }
            return TimeSpan.Zero;
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class Bucket
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int? Remaining { get; set; }

        public DateTimeOffset ResetAt { get; set; }
    }

    private sealed class Lease(Bucket bucket) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                bucket.Turn.Release();
            }
        }
    }
}
