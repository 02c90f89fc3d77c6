using System.Globalization;
using System.Net.Http.Headers;

namespace Digest.Discord.Rest;

/// <summary>The X-RateLimit-* headers of one answer; any of them may be missing.</summary>
internal readonly record struct RateLimitHeaders(string? Bucket, int? Limit, int? Remaining, TimeSpan? ResetAfter, bool Global, string? Scope)
{
    public static RateLimitHeaders Read(HttpResponseHeaders headers) =>
        new(
            Text(headers, "X-RateLimit-Bucket"),
            Text(headers, "X-RateLimit-Limit") is { } limit && int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : null,
            Text(headers, "X-RateLimit-Remaining") is { } left && int.TryParse(left, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null,
            Seconds(Text(headers, "X-RateLimit-Reset-After")),
            string.Equals(Text(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
            Text(headers, "X-RateLimit-Scope"));

    public static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 && double.IsFinite(s)
            ? TimeSpan.FromSeconds(s)
            : null;

    private static string? Text(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
