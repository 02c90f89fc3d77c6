using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Digest.TestKit.Discord;

// Buckets per route and top-level resource, like Discord's, and the 429s a test asks for.
public sealed partial class FakeDiscordServer
{
    private readonly Dictionary<string, FakeBucket> _buckets = [];
    private readonly List<(string Route, TimeSpan RetryAfter, bool Global)> _injected429s = [];
    private DateTimeOffset _globalUntil = DateTimeOffset.MinValue;
    private int _intoEmptyBucket;
    private int _tooManyRequests;

    /// <summary>Requests that arrived while their bucket was empty, a 429's retry_after had not passed, or a global 429 held.</summary>
    public int RequestsIntoEmptyBucket => Volatile.Read(ref _intoEmptyBucket);

    /// <summary>429s answered, asked for or earned.</summary>
    public int TooManyRequests => Volatile.Read(ref _tooManyRequests);

    /// <summary>
    /// The next request to <paramref name="route"/> gets a 429 with <paramref name="retryAfter"/>; with
    /// <paramref name="global"/> it is the bot's global limit, and every route but interaction callbacks is held.
    /// </summary>
    public void RateLimitNext(string route, TimeSpan retryAfter, bool global = false)
    {
        lock (_gate)
        {
            _injected429s.Add((route, retryAfter, global));
        }
    }

    /// <summary>The 429 to answer, or null after taking a slot of the bucket and writing its headers.</summary>
    private JsonObject? Admit(HttpResponse response, FakeRoute route)
    {
        lock (_gate)
        {
            var now = Now;
            var bucket = Bucket(route);
            if (!route.IsInteractionCallback && _globalUntil > now)
            {
                _intoEmptyBucket++;
                return TooMany(response, _globalUntil - now, global: true);
            }
            if (bucket.HeldUntil > now)
            {
                _intoEmptyBucket++;
                return TooMany(response, bucket.HeldUntil - now, global: false, bucket);
            }
            var next = _injected429s.FindIndex(i => i.Route == route.Template);
            if (next >= 0)
            {
                var injected = _injected429s[next];
                _injected429s.RemoveAt(next);
                if (injected.Global)
                {
                    _globalUntil = now + injected.RetryAfter;
                    return TooMany(response, injected.RetryAfter, global: true);
                }
                bucket.HeldUntil = now + injected.RetryAfter;
                return TooMany(response, injected.RetryAfter, global: false, bucket);
            }
            if (now >= bucket.WindowEnd)
            {
                bucket.Used = 0;
                bucket.WindowEnd = now + Options.BucketWindow;
            }
            if (bucket.Used >= Options.BucketSize)
            {
                _intoEmptyBucket++;
                return TooMany(response, bucket.WindowEnd - now, global: false, bucket);
            }
            bucket.Used++;
            WriteHeaders(response, bucket, now);
            return null;
        }
    }

    private FakeBucket Bucket(FakeRoute route)
    {
        var key = route.Template + " " + route.Major;
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(route.Template)), 0, 16);
            bucket = _buckets[key] = new FakeBucket(hash);
        }
        return bucket;
    }

    private JsonObject TooMany(HttpResponse response, TimeSpan retryAfter, bool global, FakeBucket? bucket = null)
    {
        _tooManyRequests++;
        var seconds = Seconds(retryAfter);
        response.Headers["Retry-After"] = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Scope"] = global ? "global" : "user";
        if (global)
        {
            response.Headers["X-RateLimit-Global"] = "true";
        }
        else if (bucket is not null)
        {
            response.Headers["X-RateLimit-Limit"] = Options.BucketSize.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Remaining"] = "0";
            response.Headers["X-RateLimit-Reset-After"] = seconds.ToString("0.000", CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Bucket"] = bucket.Hash;
        }
        return new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = seconds, ["global"] = global };
    }

    private void WriteHeaders(HttpResponse response, FakeBucket bucket, DateTimeOffset now)
    {
        var resetAfter = Seconds(bucket.WindowEnd - now);
        response.Headers["X-RateLimit-Limit"] = Options.BucketSize.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = (Options.BucketSize - bucket.Used).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = (bucket.WindowEnd.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Bucket"] = bucket.Hash;
    }

    // Rounded up, as Discord does, so a client that waits what it is told is never early.
    private static double Seconds(TimeSpan span) => Math.Ceiling(Math.Max(0, span.TotalMilliseconds)) / 1000.0;

    private sealed class FakeBucket(string hash)
    {
        public string Hash { get; } = hash;

        public int Used { get; set; }

        public DateTimeOffset WindowEnd { get; set; }

        public DateTimeOffset HeldUntil { get; set; }
    }
}
