using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace Digest.TestKit.Discord;

/// <summary>What a test can make the gateway do. Each acts on the newest open connection.</summary>
public sealed partial class FakeDiscordGateway
{
    /// <summary>
    /// A dispatch with the session's next sequence number: sent at once when a connection is live, otherwise kept
    /// for the replay after a Resume. Returns its sequence number.
    /// </summary>
    public async Task<long> DispatchAsync(string type, string dataJson) => await DispatchAsync(type, JsonNode.Parse(dataJson));

    public async Task<long> DispatchAsync(string type, JsonNode? data)
    {
        await _dispatching.WaitAsync();
        try
        {
            long sequence;
            Peer? live;
            lock (_gate)
            {
                sequence = ++_sequence;
                _dispatched.Add((sequence, type, data?.DeepClone()));
                live = _live;
            }
            if (live is not null)
            {
                try
                {
                    await live.SendAsync(Dispatch(sequence, type, data?.DeepClone()));
                }
                catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
                {
                    // Lost with the connection; a Resume replays it.
                }
            }
            return sequence;
        }
        finally
        {
            _dispatching.Release();
        }
    }

    /// <summary>Kills the TCP connection with no close frame, as a network failure would.</summary>
    public void Drop()
    {
        var peer = TakeLatest();
        peer?.Context.Abort();
    }

    /// <summary>Op 7: the client should close and resume.</summary>
    public async Task SendReconnectAsync() => await SendToLatestAsync(new JsonObject { ["op"] = 7, ["d"] = null });

    /// <summary>Op 9; a non-resumable one also forgets the session, so a Resume would not be accepted.</summary>
    public async Task SendInvalidSessionAsync(bool resumable)
    {
        if (!resumable)
        {
            lock (_gate)
            {
                _sessionId = null;
                _live = null;
            }
        }
        await SendToLatestAsync(new JsonObject { ["op"] = 9, ["d"] = resumable });
    }

    /// <summary>Op 1 from the server: "heartbeat now".</summary>
    public async Task RequestHeartbeatAsync() => await SendToLatestAsync(new JsonObject { ["op"] = 1, ["d"] = null });

    /// <summary>A close frame with a gateway close code (4000–4014) and an optional reason.</summary>
    public async Task CloseAsync(int code, string? reason = null)
    {
        var peer = TakeLatest();
        if (peer is not null)
        {
            await peer.CloseAsync((WebSocketCloseStatus)code, reason);
        }
    }

    /// <summary>The newest connection's heartbeats go unanswered from now on; later connections are acknowledged again.</summary>
    public void StopAcking()
    {
        lock (_gate)
        {
            if (_latest is not null)
            {
                _latest.Acks = false;
            }
        }
    }

    private Peer? TakeLatest()
    {
        lock (_gate)
        {
            var peer = _latest;
            // Forgotten at once, so that a dispatch injected right after waits for the Resume instead of being lost.
            if (_live == peer)
            {
                _live = null;
            }
            _latest = null;
            return peer;
        }
    }

    private async Task SendToLatestAsync(JsonObject payload)
    {
        Peer? peer;
        lock (_gate)
        {
            peer = _latest;
        }
        if (peer is not null)
        {
            await peer.SendAsync(payload);
        }
    }
}
