using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Digest.TestKit.Discord;

public sealed partial class FakeDiscordGateway
{
    private const int MessageContentIntent = 1 << 15;

    private async Task ServeAsync(Peer peer)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await peer.Socket.ReceiveAsync(buffer.GetMemory(4096), CancellationToken.None);
                buffer.Advance(result.Count);
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (peer.Socket.State == WebSocketState.CloseReceived)
                {
                    await peer.CloseAsync(peer.Socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null);
                }
                return;
            }
            var payload = JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
            var op = payload["op"]!.GetValue<int>();
            var data = payload["d"];
            switch (op)
            {
                case 1:
                    OnHeartbeat(peer, data);
                    if (AckHeartbeats && peer.Acks)
                    {
                        await peer.SendAsync(new JsonObject { ["op"] = 11 });
                    }
                    break;
                case 2:
                    await OnIdentifyAsync(peer, data?.AsObject());
                    break;
                case 6:
                    await OnResumeAsync(peer, data?.AsObject());
                    break;
                default:
                    await peer.CloseAsync((WebSocketCloseStatus)4001, "Unknown opcode.");
                    return;
            }
        }
    }

    private void OnHeartbeat(Peer peer, JsonNode? data)
    {
        long? sequence = data?.GetValueKind() == JsonValueKind.Number ? data.GetValue<long>() : null;
        lock (_gate)
        {
            _heartbeats.Add(new GatewayHeartbeatRecord(peer.Id, Options.TimeProvider.GetUtcNow(), sequence));
        }
    }

    private async Task OnIdentifyAsync(Peer peer, JsonObject? data)
    {
        var token = data?["token"]?.GetValue<string>();
        var intents = data?["intents"]?.GetValue<int>() ?? 0;
        lock (_gate)
        {
            _identifies.Add(new GatewayIdentifyRecord(peer.Id, token, intents, data?["properties"]?.DeepClone().AsObject()));
        }
        if (Options.Token is not null && token != Options.Token)
        {
            await peer.CloseAsync((WebSocketCloseStatus)4004, "Authentication failed.");
            return;
        }
        if ((intents & MessageContentIntent) != 0 && !Options.AllowMessageContent)
        {
            await peer.CloseAsync((WebSocketCloseStatus)4014, "Disallowed intent(s).");
            return;
        }
        await _dispatching.WaitAsync();
        try
        {
            long sequence;
            string sessionId;
            lock (_gate)
            {
                sessionId = $"fake-session-{++_sessions}";
                _sessionId = sessionId;
                _dispatched.Clear();
                _sequence = sequence = 1;
                _live = peer;
            }
            var ready = new JsonObject
            {
                ["v"] = 10,
                ["user"] = new JsonObject { ["id"] = Options.BotUserId, ["username"] = "Digest", ["bot"] = true },
                ["guilds"] = new JsonArray(),
                ["session_id"] = sessionId,
                ["resume_gateway_url"] = ResumeUrl,
                ["application"] = new JsonObject { ["id"] = Options.ApplicationId, ["flags"] = 0 },
            };
            await peer.SendAsync(Dispatch(sequence, "READY", ready));
        }
        finally
        {
            _dispatching.Release();
        }
    }

    private async Task OnResumeAsync(Peer peer, JsonObject? data)
    {
        var token = data?["token"]?.GetValue<string>();
        var sessionId = data?["session_id"]?.GetValue<string>();
        var seq = data?["seq"]?.GetValue<long>() ?? 0;
        if (Options.Token is not null && token != Options.Token)
        {
            Record(new GatewayResumeRecord(peer.Id, token, sessionId, seq, Accepted: false, Replayed: 0));
            await peer.CloseAsync((WebSocketCloseStatus)4004, "Authentication failed.");
            return;
        }
        // Held across the replay so that a dispatch injected meanwhile comes after it, in order, exactly once.
        await _dispatching.WaitAsync();
        try
        {
            List<(long Sequence, string Type, JsonNode? Data)> missed;
            long resumed;
            lock (_gate)
            {
                if (sessionId is null || sessionId != _sessionId)
                {
                    _resumes.Add(new GatewayResumeRecord(peer.Id, token, sessionId, seq, Accepted: false, Replayed: 0));
                    missed = [];
                    resumed = -1;
                }
                else
                {
                    missed = [.. _dispatched.Where(d => d.Sequence > seq)];
                    _resumes.Add(new GatewayResumeRecord(peer.Id, token, sessionId, seq, Accepted: true, missed.Count));
                    resumed = ++_sequence;
                    _live = peer;
                }
            }
            if (resumed < 0)
            {
                await peer.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
                return;
            }
            foreach (var (sequence, type, payload) in missed)
            {
                await peer.SendAsync(Dispatch(sequence, type, payload?.DeepClone()));
            }
            await peer.SendAsync(Dispatch(resumed, "RESUMED", null));
        }
        finally
        {
            _dispatching.Release();
        }
    }

    private void Record(GatewayResumeRecord resume)
    {
        lock (_gate)
        {
            _resumes.Add(resume);
        }
    }

    private static JsonObject Dispatch(long sequence, string type, JsonNode? data) =>
        new() { ["op"] = 0, ["d"] = data, ["s"] = sequence, ["t"] = type };

    /// <summary>One accepted WebSocket; sends are serialized, as a WebSocket requires.</summary>
    private sealed class Peer(int id, HttpContext context, WebSocket socket)
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public int Id => id;

        public HttpContext Context => context;

        public WebSocket Socket => socket;

        /// <summary>Off for a connection a test has made a zombie; a new connection acknowledges again.</summary>
        public bool Acks { get; set; } = true;

        public async Task SendAsync(JsonNode payload)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
            await _sending.WaitAsync();
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            finally
            {
                _sending.Release();
            }
        }

        public async Task CloseAsync(WebSocketCloseStatus status, string? reason)
        {
            await _sending.WaitAsync();
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(status, reason, CancellationToken.None);
                }
            }
            finally
            {
                _sending.Release();
            }
        }
    }
}
