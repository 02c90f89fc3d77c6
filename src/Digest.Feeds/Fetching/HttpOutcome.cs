namespace Digest.Feeds.Fetching;

/// <summary>A response with its body read (when wanted), or the one-line reason there is none.</summary>
internal sealed class HttpOutcome : IDisposable
{
    private HttpOutcome(HttpResponseMessage? response, ReadOnlyMemory<byte>? body, string? error)
    {
        Response = response;
        Body = body;
        Error = error;
    }

    public HttpResponseMessage? Response { get; }

    public ReadOnlyMemory<byte>? Body { get; }

    public string? Error { get; }

    public static HttpOutcome Received(HttpResponseMessage response, ReadOnlyMemory<byte>? body) => new(response, body, null);

    public static HttpOutcome Failed(string error) => new(null, null, error);

    public void Dispose() => Response?.Dispose();
}
