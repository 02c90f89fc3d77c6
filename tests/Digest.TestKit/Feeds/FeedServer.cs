using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using Digest.Core.Collecting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Digest.TestKit.Feeds;

/// <summary>
/// A real HTTP feed host on 127.0.0.1 (and, when asked, on more loopback addresses, each its own host as far as a
/// client can tell): generated feeds with ETag/Last-Modified and 304s, request counts, optional latency, and the
/// hostile routes of <see cref="HostileFeeds"/>. Paths are shared by all addresses.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private const string WatchedPrefix = "/watched/";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Published> feeds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Uri> redirects = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<int, InFlight> inFlight = new();
    private readonly InFlight overall = new();
    private long latencyTicks;
    private int watchedHits;

    private FeedServer(WebApplication app) => this.app = app;

    public Uri BaseAddress => Hosts[0];

    /// <summary>One base address per loopback host: 127.0.0.1, 127.0.0.2, …</summary>
    public IReadOnlyList<Uri> Hosts { get; private set; } = [];

    /// <summary>Hostile documents point their entities and DTDs here; any request to it is counted in <see cref="WatchedUrlHits"/>.</summary>
    public Uri WatchedUrl => Url(WatchedPrefix);

    public int WatchedUrlHits => Volatile.Read(ref watchedHits);

    /// <summary>A delay before every response, e.g. 200 ms to make a collection run look like the internet.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));
        set => Interlocked.Exchange(ref latencyTicks, value.Ticks);
    }

    public string? LastUserAgent { get; private set; }

    /// <summary>The most requests that were ever being answered at once on the <paramref name="host"/>-th address.</summary>
    public int MostAtOnce(int host) => inFlight.TryGetValue(host, out var counter) ? counter.Most : 0;

    /// <summary>The most requests that were ever being answered at once, over all addresses.</summary>
    public int MostAtOnceOverall => overall.Most;

    public static Task<FeedServer> StartAsync(CancellationToken ct = default) => StartAsync(hosts: 1, ct);

    /// <summary>
    /// Listens on <paramref name="hosts"/> loopback addresses from 127.0.0.1 up (all of 127.0.0.0/8 is loopback on
    /// Linux), so per-host limits of a client can be seen at work.
    /// </summary>
    public static async Task<FeedServer> StartAsync(int hosts, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hosts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hosts, 250);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        for (var host = 1; host <= hosts; host++)
        {
            app.Urls.Add($"http://127.0.0.{host}:0");
        }
        var server = new FeedServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(ct);
        server.Hosts = app.Urls
            .Select(u => new Uri(u.TrimEnd('/') + "/"))
            .OrderBy(u => System.Net.IPAddress.Parse(u.Host).GetAddressBytes()[3])
            .ToList();
        return server;
    }

    public Uri Url(string path) => Url(path, host: 0);

    /// <summary>The URL of <paramref name="path"/> on the <paramref name="host"/>-th address (0 is 127.0.0.1).</summary>
    public Uri Url(string path, int host) => new(Hosts[host], path.TrimStart('/'));

    public int RequestCount(string path) => requests.GetValueOrDefault(NormalizePath(path));

    /// <summary>Publishes (or replaces) the feed at <paramref name="path"/>; a changed document gets a new ETag and Last-Modified.</summary>
    public Uri Publish(string path, FeedFormat format, IEnumerable<TestFeedItem> items, string title = "Test feed", int host = 0)
    {
        ArgumentNullException.ThrowIfNull(items);
        var url = Url(path, host);
        PublishRaw(path, FeedDocuments.Write(format, title, url, items.ToList()), FeedDocuments.ContentType(format));
        return url;
    }

    /// <summary>Serves these exact bytes, for fixtures a generator would never write (odd encodings, broken XML).</summary>
    public Uri PublishRaw(string path, byte[] body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        var key = NormalizePath(path);
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(body))[..16].ToLowerInvariant() + "\"";
        var now = DateTimeOffset.UtcNow;
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        feeds.AddOrUpdate(
            key,
            _ => new Published(body, Compress(body), contentType, etag, now),
            (_, old) => old.ETag == etag
                ? old
                : new Published(body, Compress(body), contentType, etag, now > old.LastModified ? now : old.LastModified.AddSeconds(1)));
        return Url(key);
    }

    /// <summary>Answers <paramref name="path"/> with a 302 to <paramref name="location"/>, wherever that is.</summary>
    public Uri PublishRedirect(string path, Uri location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var key = NormalizePath(path);
        redirects[key] = location;
        return Url(key);
    }

    /// <summary>Hosts <paramref name="feedCount"/> feeds of <paramref name="itemsPerFeed"/> items each, formats in turn, at /many/{n}.</summary>
    public IReadOnlyList<FeedSource> PublishMany(int feedCount, int itemsPerFeed, DateTimeOffset? newest = null)
    {
        var latest = newest ?? DateTimeOffset.UtcNow;
        var formats = Enum.GetValues<FeedFormat>();
        var sources = new List<FeedSource>(feedCount);
        for (var feed = 0; feed < feedCount; feed++)
        {
            var site = $"https://blog{feed}.example";
            var items = Enumerable.Range(0, itemsPerFeed).Select(i => new TestFeedItem(
                $"Post {i} of blog {feed}",
                $"{site}/posts/{i}",
                Guid: $"{site}/posts/{i}",
                Html: $"<p>Body of post {i} on blog {feed}, about <b>engineering</b> and tools.</p>",
                Published: latest.AddHours(-(feed + (i * 3))),
                Author: $"Author {feed}"));
            var url = Publish($"/many/{feed}", formats[feed % formats.Length], items, $"Blog {feed}");
            sources.Add(new FeedSource(url.AbsoluteUri, $"Blog {feed}", site));
        }
        return sources;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        LastUserAgent = context.Request.Headers.UserAgent.ToString();
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        var host = inFlight.GetOrAdd((context.Connection.LocalIpAddress?.GetAddressBytes()[^1] ?? 1) - 1, _ => new InFlight());
        using var counted = host.Enter();
        using var counting = overall.Enter();
        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, aborted.Token);
            }
            if (path.StartsWith(WatchedPrefix, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref watchedHits);
                await context.Response.WriteAsync("<!ENTITY exfiltrated \"WATCHED-CONTENT\">", aborted.Token);
            }
            else if (HostileFeeds.TryHandle(context, WatchedUrl, aborted.Token) is { } hostile)
            {
                await hostile;
            }
            else if (redirects.TryGetValue(path, out var location))
            {
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = location.AbsoluteUri;
            }
            else if (feeds.TryGetValue(path, out var feed))
            {
                await ServeAsync(context, feed, aborted.Token);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (as a capped or timed-out reader should) or the server is stopping.
        }
    }

    private static async Task ServeAsync(HttpContext context, Published feed, CancellationToken ct)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.ETag = feed.ETag;
        response.Headers.LastModified = HeaderUtilities.FormatDate(feed.LastModified);
        if (IsNotModified(request, feed))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = feed.ContentType;
        response.Headers.Vary = "Accept-Encoding";
        var body = feed.Body;
        if (request.Headers.AcceptEncoding.ToString().Contains("br", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.ContentEncoding = "br";
            body = feed.Brotli;
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }

    private static bool IsNotModified(HttpRequest request, Published feed)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0)
        {
            return ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == feed.ETag || t == "W/" + feed.ETag);
        }
        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && feed.LastModified <= since;
    }

    private static string NormalizePath(string path) => "/" + path.TrimStart('/');

    private static byte[] Compress(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest))
        {
            brotli.Write(body);
        }
        return buffer.ToArray();
    }

    /// <summary>Requests being answered now, and the most there ever were.</summary>
    private sealed class InFlight
    {
        private int _now;
        private int _most;

        public int Most => Volatile.Read(ref _most);

        public Leave Enter()
        {
            var now = Interlocked.Increment(ref _now);
            int most;
            while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
            {
            }
            return new Leave(this);
        }

        public readonly struct Leave(InFlight counter) : IDisposable
        {
            public void Dispose() => Interlocked.Decrement(ref counter._now);
        }
    }

    private sealed record Published(byte[] Body, byte[] Brotli, string ContentType, string ETag, DateTimeOffset LastModified);
}
