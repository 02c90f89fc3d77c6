namespace Digest.Feeds.Parsing;

/// <summary>Article links as the core takes them: absolute http(s) only, whatever a feed writes.</summary>
internal static class HttpLinks
{
    /// <summary>The reference resolved against <paramref name="baseUri"/>; null when blank, unparsable or not http(s).</summary>
    public static string? Resolve(Uri baseUri, string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || !Uri.TryCreate(baseUri, reference.Trim(), out var uri))
        {
            return null;
        }
        return IsHttp(uri) ? uri.AbsoluteUri : null;
    }

    /// <summary>The text when it is an absolute http(s) URL by itself (an id or guid that may be one).</summary>
    public static string? Absolute(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && IsHttp(uri) ? uri.AbsoluteUri : null;

    public static bool IsHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
