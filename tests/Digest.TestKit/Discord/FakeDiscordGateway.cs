using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.TestKit.Discord;

/// <summary>
/// A Discord Gateway v10 on 127.0.0.1 (JSON text frames): Hello, heartbeats and their ACKs, Identify → READY,
/// Resume → replay → RESUMED, and the faults a test asks for (a dropped socket, op 7, op 9, close codes, missing
/// ACKs). Point the client at <see cref="Url"/>; READY sends it to <see cref="ResumeUrl"/> for resumes.
/// </summary>
public sealed partial class FakeDiscordGateway : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _dispatching = new(1, 1);
    private readonly List<GatewayConnectionRecord> _connections = [];
    private readonly List<GatewayIdentifyRecord> _identifies = [];
    private readonly List<GatewayResumeRecord> _resumes = [];
    private readonly List<GatewayHeartbeatRecord> _heartbeats = [];
    private readonly List<(long Sequence, string Type, JsonNode? Data)> _dispatched = [];
    private readonly HashSet<Peer> _open = [];
    private Peer? _latest;
    private Peer? _live;
    private string? _sessionId;
    private long _sequence;
    private int _sessions;
    private int _disposed;
    private WebApplication? _app;

    private FakeDiscordGateway(FakeDiscordGatewayOptions options)
    {
        Options = options;
    }

    public FakeDiscordGatewayOptions Options { get; }

    /// <summary>"ws://127.0.0.1:port/": the gateway URL to configure.</summary>
    public string Url { get; private set; } = null!;

    /// <summary>The resume_gateway_url READY names: the same server, told apart by its path.</summary>
    public string ResumeUrl => Url + "resume";

    /// <summary>Switch off to play a zombied connection: heartbeats are recorded but never acknowledged.</summary>
    public bool AckHeartbeats { get; set; } = true;

    public static async Task<FakeDiscordGateway> StartAsync(FakeDiscordGatewayOptions? options = null, CancellationToken ct = default)
    {
        var gateway = new FakeDiscordGateway(options ?? new FakeDiscordGatewayOptions());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseWebSockets();
        app.Run(gateway.HandleAsync);
        await app.StartAsync(ct);
        gateway._app = app;
        gateway.Url = "ws" + app.Urls.First().TrimEnd('/')["http".Length..] + "/";
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        // Open sockets would hold Kestrel's shutdown for its whole timeout.
        lock (_gate)
        {
            foreach (var peer in _open)
            {
                peer.Context.Abort();
            }
        }
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _dispatching.Dispose();
    }

    public IReadOnlyList<GatewayConnectionRecord> Connections => Snapshot(_connections);

    public IReadOnlyList<GatewayIdentifyRecord> Identifies => Snapshot(_identifies);

    public IReadOnlyList<GatewayResumeRecord> Resumes => Snapshot(_resumes);

    public IReadOnlyList<GatewayHeartbeatRecord> Heartbeats => Snapshot(_heartbeats);

    /// <summary>The session the last READY opened.</summary>
    public string? SessionId
    {
        get
        {
            lock (_gate)
            {
                return _sessionId;
            }
        }
    }

    /// <summary>The last sequence number the fake has given a dispatch in the current session.</summary>
    public long Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>True while a connection has identified or resumed and would get a dispatch at once.</summary>
    public bool HasLiveConnection
    {
        get
        {
            lock (_gate)
            {
                return _live is not null;
            }
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; a <see cref="TimeoutException"/> naming <paramref name="what"/> otherwise.</summary>
    public async Task WaitUntilAsync(Func<FakeDiscordGateway, bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The fake gateway waited in vain for {what}.");
            }
            await Task.Delay(10);
        }
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Peer peer;
        lock (_gate)
        {
            peer = new Peer(_connections.Count + 1, context, socket);
            _connections.Add(new GatewayConnectionRecord(peer.Id, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "", Options.TimeProvider.GetUtcNow()));
            _open.Add(peer);
            _latest = peer;
        }
        try
        {
            await peer.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = Options.HeartbeatInterval.TotalMilliseconds } });
            await ServeAsync(peer);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client went away, or a test dropped the socket: either is an ordinary end here.
        }
        finally
        {
            Forget(peer);
        }
    }

    private void Forget(Peer peer)
    {
        lock (_gate)
        {
            _open.Remove(peer);
            if (_live == peer)
            {
                _live = null;
            }
            if (_latest == peer)
            {
                _latest = null;
            }
        }
    }
}
