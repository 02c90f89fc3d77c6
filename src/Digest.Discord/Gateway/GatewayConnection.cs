using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Digest.Discord.Gateway;

/// <summary>
/// One connection from Hello to its end: heartbeats, Identify or Resume, dispatches into the channel. It ends by
/// saying how to go on (<see cref="GatewayNext"/>), or with <see cref="DiscordGatewayException"/> on a fatal close.
/// </summary>
internal sealed class GatewayConnection(
    string token, GatewayOptions options, GatewaySession session, ChannelWriter<GatewayEvent> events, TimeProvider time, ILogger logger)
{
    private GatewaySocket _socket = null!;
    private GatewayHeartbeat? _heartbeat;
    private volatile bool _zombied;

    /// <summary>READY or RESUMED arrived: the connection worked, so the reconnect back-off starts over.</summary>
    public bool Established { get; private set; }

    public async Task<GatewayNext> RunAsync(Uri url, bool resume, CancellationToken stopping)
    {
        using var socket = new GatewaySocket();
        _socket = socket;
        await socket.ConnectAsync(url, stopping);
        // Not linked to stopping: a cancelled receive aborts the socket, and on shutdown we first say goodbye with
        // 1000 (the session ends and the bot goes offline at once, instead of lingering as a timed-out session).
        using var life = new CancellationTokenSource();
        using var goodbye = stopping.Register(() => _ = CloseThenCancelAsync(1000, life));
        Task? heartbeat = null;
        try
        {
            while (true)
            {
                var message = await socket.ReceiveAsync(life.Token);
                if (message is not { } bytes)
                {
                    return OnClosed(socket.CloseCode, socket.CloseReason, stopping);
                }
                var frame = GatewayFrame.Parse(bytes);
                switch (frame.Op)
                {
                    case GatewayOpcode.Hello when heartbeat is null:
                        heartbeat = StartHeartbeat(frame, life);
                        await socket.SendAsync(resume ? ResumePayload() : IdentifyPayload(), life.Token);
                        break;
                    case GatewayOpcode.HeartbeatAck:
                        _heartbeat?.Acknowledge();
                        break;
                    case GatewayOpcode.Heartbeat:
                        // Discord asks for a beat now; it does not move the schedule.
                        await socket.SendAsync(GatewayPayloads.Heartbeat(session.Sequence), life.Token);
                        break;
                    case GatewayOpcode.Dispatch:
                        OnDispatch(frame);
                        break;
                    case GatewayOpcode.Reconnect:
                        logger.LogInformation("Discord gateway asked to reconnect; resuming session {session_id}", session.SessionId);
                        await socket.CloseAsync(GatewayCloseCodes.ResumeLater, options.CloseTimeout);
                        return GatewayNext.Resume;
                    case GatewayOpcode.InvalidSession:
                        return await OnInvalidSessionAsync(frame);
                    default:
                        logger.LogDebug("Discord gateway sent unknown op {op}", frame.Op);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException && !stopping.IsCancellationRequested)
        {
            // A zombie's socket is aborted by the heartbeat, which has logged why.
            if (!_zombied)
            {
                logger.LogWarning("Discord gateway connection dropped ({reason}); resuming session {session_id} at seq {seq}",
                    ex.Message, session.SessionId, session.Sequence);
            }
            return GatewayNext.Resume;
        }
        finally
        {
            await life.CancelAsync();
            if (heartbeat is not null)
            {
                await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private Task StartHeartbeat(GatewayFrame hello, CancellationTokenSource life)
    {
        var interval = TimeSpan.FromMilliseconds(hello.Data.GetProperty("heartbeat_interval").GetDouble());
        _heartbeat = new GatewayHeartbeat(interval, time);
        logger.LogDebug("Discord gateway hello, heartbeat_interval_ms {heartbeat_interval_ms}", interval.TotalMilliseconds);
        var beat = _heartbeat;
        return Task.Run(async () =>
        {
            await beat.RunAsync(Random.Shared.NextDouble(), ct => _socket.SendAsync(GatewayPayloads.Heartbeat(session.Sequence), ct), life.Token);
            _zombied = true;
            logger.LogWarning("Discord gateway heartbeat not acknowledged within {heartbeat_interval_ms} ms; reconnecting to resume session {session_id}",
                interval.TotalMilliseconds, session.SessionId);
            await CloseThenCancelAsync(GatewayCloseCodes.ResumeLater, life);
        });
    }

    private async Task CloseThenCancelAsync(int code, CancellationTokenSource life)
    {
        await _socket.CloseAsync(code, options.CloseTimeout);
        try
        {
            await life.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // The connection ended first.
        }
    }

    private byte[] IdentifyPayload()
    {
        logger.LogInformation("Discord gateway identifying with intents {intents}", (int)options.Intents);
        return GatewayPayloads.Identify(token, options);
    }

    private byte[] ResumePayload()
    {
        var (sessionId, sequence) = (session.SessionId!, session.Sequence ?? 0);
        logger.LogInformation("Discord gateway resuming session {session_id} at seq {seq}", sessionId, sequence);
        return GatewayPayloads.Resume(token, sessionId, sequence);
    }

    private void OnDispatch(GatewayFrame frame)
    {
        if (frame.Sequence is { } sequence)
        {
            session.Observe(sequence);
        }
        switch (frame.Type)
        {
            case "READY":
                var sessionId = frame.DataString("session_id")
                    ?? throw new JsonException("READY without session_id");
                session.Start(sessionId, frame.DataString("resume_gateway_url"), frame.DataString("application", "id"), frame.DataString("user", "id"));
                Established = true;
                logger.LogInformation("Discord gateway ready, session {session_id}", sessionId);
                break;
            case "RESUMED":
                Established = true;
                logger.LogInformation("Discord gateway resumed session {session_id} at seq {seq}", session.SessionId, session.Sequence);
                break;
            case { } type:
                // Unbounded, so a slow consumer never stops the loop from reading heartbeat ACKs.
                events.TryWrite(new GatewayEvent(type, frame.Data, frame.Sequence ?? 0));
                break;
        }
    }

    private async Task<GatewayNext> OnInvalidSessionAsync(GatewayFrame frame)
    {
        var resumable = frame.Data.ValueKind == JsonValueKind.True && session.CanResume;
        logger.LogWarning("Discord gateway invalidated session {session_id}, resumable {resumable}", session.SessionId, resumable);
        await _socket.CloseAsync(GatewayCloseCodes.ResumeLater, options.CloseTimeout);
        if (resumable)
        {
            return GatewayNext.Resume;
        }
        session.Reset();
        return GatewayNext.IdentifyLater;
    }

    private GatewayNext OnClosed(int? code, string? reason, CancellationToken stopping)
    {
        if (_zombied || stopping.IsCancellationRequested || code is null)
        {
            return GatewayNext.Resume;
        }
        if (GatewayCloseCodes.FatalCause(code.Value) is { } cause)
        {
            logger.LogCritical("Discord gateway closed {close_code}: {cause}", code.Value, cause);
            throw new DiscordGatewayException(code.Value, cause);
        }
        if (GatewayCloseCodes.NeedsNewSession(code.Value))
        {
            logger.LogWarning("Discord gateway closed {close_code} ({reason}); starting a new session", code.Value, reason);
            session.Reset();
            return GatewayNext.Identify;
        }
        logger.LogWarning("Discord gateway closed {close_code} ({reason}); resuming session {session_id} at seq {seq}",
            code.Value, reason, session.SessionId, session.Sequence);
        return GatewayNext.Resume;
    }
}
