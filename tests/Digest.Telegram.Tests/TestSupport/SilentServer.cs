using System.Net;
using System.Net.Sockets;

namespace Digest.Telegram.Tests.TestSupport;

/// <summary>
/// Addresses on 127.0.0.1 that fail the way the network does: one that takes connections and never answers (a hung
/// server or a black-holed route), and one where nothing listens (connection refused).
/// </summary>
public sealed class SilentServer : IDisposable
{
    // Never accepted: the kernel completes the handshake from the backlog, takes the request bytes and nothing answers.
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public SilentServer() => _listener.Start();

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>A port that was just free and is closed again.</summary>
    public static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    public void Dispose() => _listener.Dispose();
}
