namespace Digest.Core.Articles;

/// <summary>One spelling per article URL, so the same story under tracking links is stored once.</summary>
public static class CanonicalUrl
{
    private static readonly string[] TrackingPrefixes = ["utm_"];
    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src",
    };

    /// <summary>Lower-case scheme and host, default port dropped, tracking parameters and fragment removed.</summary>
    public static string Normalize(string url, Uri? baseUri = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim();
        // On Unix "/posts/1" parses as an absolute file: URI; a feed means a path on its own site.
        var looksAbsolute = Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && !uri.IsFile;
        if (!looksAbsolute && !(baseUri is not null && Uri.TryCreate(baseUri, trimmed, out uri)))
        {
            return trimmed;
        }
        uri ??= new Uri(trimmed);
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return uri.AbsoluteUri;
        }

        var builder = new UriBuilder(uri)
        {
            Host = uri.Host.ToLowerInvariant(),
            Fragment = string.Empty,
            Query = FilterQuery(uri.Query),
        };
        if (uri.IsDefaultPort)
        {
            builder.Port = -1;
        }
        return builder.Uri.AbsoluteUri;
    }

    private static string FilterQuery(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }
        var kept = query[1..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair.Split('=', 2)[0]));
        return string.Join('&', kept);
    }

    private static bool IsTracking(string name) =>
        TrackingNames.Contains(name)
        || TrackingPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The host shown as an article's source, e.g. "simonwillison.net" (no "www.").</summary>
    public static string SourceName(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
