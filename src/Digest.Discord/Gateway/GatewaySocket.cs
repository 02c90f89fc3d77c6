using System.Buffers;
using System.Net.WebSockets;

namespace Digest.Discord.Gateway;

/// <summary>
/// One WebSocket to the gateway: whole text messages in, serialized sends out (the heartbeat and the receive loop
/// both send, and a WebSocket allows one send at a time).
/// </summary>
internal sealed class GatewaySocket : IDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ArrayBufferWriter<byte> _message = new(16 * 1024);

    public async Task ConnectAsync(Uri url, CancellationToken ct) => await _socket.ConnectAsync(url, ct);

    /// <summary>The next whole message, or null once the server has closed; <see cref="CloseCode"/> then says why.</summary>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken ct)
    {
        _message.ResetWrittenCount();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_message.GetMemory(8 * 1024), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            _message.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return _message.WrittenMemory;
            }
        }
    }

    public int? CloseCode => (int?)_socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    public async Task SendAsync(byte[] payload, CancellationToken ct)
    {
        await _sending.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>
    /// Sends a close frame, waiting at most <paramref name="timeout"/> (a zombied peer may never take it), then
    /// drops the socket. Never throws: the connection is over either way.
    /// </summary>
    public async Task CloseAsync(int code, TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await _sending.WaitAsync(timer.Token);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)code, null, timer.Token);
                }
            }
            finally
            {
                _sending.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Nothing to do: the abort below ends the connection whatever state it was in.
        }
        _socket.Abort();
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sending.Dispose();
    }
}
