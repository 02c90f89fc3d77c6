namespace Digest.Feeds.Fetching;

/// <summary>A response with its body read (when wanted), or the one-line reason there is none and what kind of reason it is.</summary>
internal sealed class HttpOutcome : IDisposable
{
    private HttpOutcome(HttpResponseMessage? response, ReadOnlyMemory<byte>? body, string? error, HttpFailure failure)
    {
        Response = response;
        Body = body;
        Error = error;
        Failure = failure;
    }

    public HttpResponseMessage? Response { get; }

    public ReadOnlyMemory<byte>? Body { get; }

    public string? Error { get; }

    public HttpFailure Failure { get; }

    public static HttpOutcome Received(HttpResponseMessage response, ReadOnlyMemory<byte>? body) => new(response, body, null, HttpFailure.None);

    public static HttpOutcome Failed(string error, HttpFailure failure = HttpFailure.Failed) => new(null, null, error, failure);

    public void Dispose() => Response?.Dispose();
}

/// <summary>Why no response came back, for callers that answer a person and must say which limit was hit.</summary>
internal enum HttpFailure
{
    None,
    Failed,
    TimedOut,
    TooLarge,
    NonPublicAddress,
}

/// <summary>The limits of one GET and the configuration keys that set them, named in its error lines.</summary>
internal readonly record struct HttpLimits(TimeSpan Timeout, long MaxBodyBytes, string Section)
{
    public static HttpLimits Of(FeedOptions options) => new(options.Timeout, options.MaxBodyBytes, FeedOptions.SectionName);
}
