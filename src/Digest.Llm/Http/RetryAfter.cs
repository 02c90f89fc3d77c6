using System.Net;

namespace Digest.Llm.Http;

/// <summary>How long a 429 or 503 asked us to wait, given as seconds or as a date; null when it did not say.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage? response, DateTimeOffset now)
    {
        if (response is null || (response.StatusCode != HttpStatusCode.TooManyRequests && response.StatusCode != HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
