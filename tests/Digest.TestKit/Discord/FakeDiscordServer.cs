using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.TestKit.Discord;

/// <summary>
/// A Discord REST v10 server on 127.0.0.1 for Digest's own client: the message, thread, webhook, command and
/// interaction routes, Discord's message objects and errors, and X-RateLimit-* buckets that count every request
/// arriving while they are empty. Point the client at <see cref="ApiBaseUrl"/>.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    public const string DefaultToken = "MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-bot-token";

    private readonly object _gate = new();
    private readonly List<DiscordRecordedRequest> _requests = [];
    private readonly Dictionary<string, DiscordError> _channelErrors = [];
    private readonly List<(string Route, DiscordError Error)> _nextErrors = [];
    private readonly Dictionary<string, string> _messages = [];
    private long _sequence;
    private int _disposed;
    private WebApplication? _app;

    private FakeDiscordServer(FakeDiscordOptions options)
    {
        Options = options;
    }

    public FakeDiscordOptions Options { get; }

    /// <summary>"http://127.0.0.1:port/api/v10".</summary>
    public string ApiBaseUrl { get; private set; } = null!;

    public static async Task<FakeDiscordServer> StartAsync(FakeDiscordOptions? options = null, CancellationToken ct = default)
    {
        var server = new FakeDiscordServer(options ?? new FakeDiscordOptions());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.Run(server.HandleAsync);
        await app.StartAsync(ct);
        server._app = app;
        server.ApiBaseUrl = app.Urls.First().TrimEnd('/') + "/api/v10";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || _app is null)
        {
            return;
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public IReadOnlyList<DiscordRecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Requests to a route ("POST /channels/{id}/messages"), in arrival order.</summary>
    public IReadOnlyList<DiscordRecordedRequest> RequestsTo(string route) => [.. Requests.Where(r => r.Route == route)];

    /// <summary>Every later request to the channel (or a thread or message in it) is refused with <paramref name="error"/>.</summary>
    public void FailChannel(string channelId, DiscordError error)
    {
        lock (_gate)
        {
            _channelErrors[channelId] = error;
        }
    }

    /// <summary>The next request to <paramref name="route"/> is refused with <paramref name="error"/>.</summary>
    public void FailNext(string route, DiscordError error)
    {
        lock (_gate)
        {
            _nextErrors.Add((route, error));
        }
    }

    private DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary>Snowflakes as Discord makes them: milliseconds since 2015 above a counter, so they sort by time.</summary>
    private string NextSnowflake()
    {
        var ms = Now.ToUnixTimeMilliseconds() - 1_420_070_400_000;
        var sequence = Interlocked.Increment(ref _sequence) & 0x3FFFFF;
        return ((ms << 22) | sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Record(DiscordRecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    private DiscordError? ErrorFor(string route, string? channelId)
    {
        lock (_gate)
        {
            if (channelId is not null && _channelErrors.TryGetValue(channelId, out var gone))
            {
                return gone;
            }
            var next = _nextErrors.FindIndex(e => e.Route == route);
            if (next < 0)
            {
                return null;
            }
            var error = _nextErrors[next].Error;
            _nextErrors.RemoveAt(next);
            return error;
        }
    }
}
