using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Digest.TestKit.Feeds;

/// <summary>Routes on <see cref="FeedServer"/> that attack or break a feed reader, each in one way.</summary>
public static class HostileFeeds
{
    public const string BillionLaughs = "/hostile/billion-laughs";
    public const string ExternalEntityFile = "/hostile/external-entity-file";
    public const string ExternalEntityUrl = "/hostile/external-entity-url";
    public const string ParameterEntity = "/hostile/parameter-entity";
    /// <summary>A valid feed whose DOCTYPE points at the watched URL: readable once the DTD is ignored.</summary>
    public const string ExternalDtd = "/hostile/external-dtd";
    /// <summary>60 MB, with an honest Content-Length.</summary>
    public const string Huge = "/hostile/huge";
    /// <summary>60 MB, chunked, so only counting the bytes read can stop it.</summary>
    public const string HugeChunked = "/hostile/huge-chunked";
    /// <summary>Content-Encoding: gzip; about a megabyte on the wire per gigabyte decompressed.</summary>
    public const string GzipBomb = "/hostile/gzip-bomb";
    /// <summary>Headers at once, then a byte every 100 ms for a minute.</summary>
    public const string Drip = "/hostile/drip";
    public const string RedirectLoop = "/hostile/redirect-loop";
    /// <summary>windows-1252 bytes served and declared as UTF-8: readable by falling back when UTF-8 does not decode.</summary>
    public const string Windows1252DeclaredUtf8 = "/hostile/windows-1252-declared-utf-8";
    /// <summary>UTF-8 bytes served as UTF-8 whose XML declaration says ISO-8859-1: readable, the HTTP charset wins.</summary>
    public const string Latin1DeclaredServedUtf8 = "/hostile/latin1-declared-served-utf-8";
    public const string HtmlPage = "/hostile/html-page";
    public const string EmptyBody = "/hostile/empty";
    public const string Truncated = "/hostile/truncated";
    public const string NotFound = "/hostile/404";
    /// <summary>429 with Retry-After: 120.</summary>
    public const string TooManyRequests = "/hostile/429";
    public const string ServerError = "/hostile/500";

    /// <summary>The item title in both wrong-encoding feeds, as it should read once decoded.</summary>
    public const string AccentedTitle = "Café déjà vu – “quoted”";

    public const long HugeBytes = 60L * 1024 * 1024;
    public const long GzipBombBytes = 1024L * 1024 * 1024;

    private const int ChunkSize = 64 * 1024;

    public static bool IsHostile(string? path) => path?.StartsWith("/hostile/", StringComparison.Ordinal) == true;

    /// <summary>Serves a hostile route; <paramref name="ct"/> ends the long ones when the client leaves or the server stops.</summary>
    internal static Task? TryHandle(HttpContext context, Uri watchedUrl, CancellationToken ct)
    {
        var response = context.Response;
        return context.Request.Path.Value switch
        {
            BillionLaughs => Xml(response, Rss(BillionLaughsDtd(), "&lol9;")),
            ExternalEntityFile => Xml(response, Rss("<!DOCTYPE rss [<!ENTITY passwd SYSTEM \"file:///etc/passwd\">]>", "&passwd;")),
            ExternalEntityUrl => Xml(response, Rss($"<!DOCTYPE rss [<!ENTITY remote SYSTEM \"{watchedUrl}entity\">]>", "&remote;")),
            ParameterEntity => Xml(response, Rss($"<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"{watchedUrl}param.dtd\"> %remote;]>", "&exfiltrated;")),
            ExternalDtd => Xml(response, Rss($"<!DOCTYPE rss SYSTEM \"{watchedUrl}rss.dtd\">", "Readable despite the external DTD")),
            Huge => Padding(response, HugeBytes, declareLength: true, ct),
            HugeChunked => Padding(response, HugeBytes, declareLength: false, ct),
            GzipBomb => Bomb(response, ct),
            Drip => DripAsync(response, ct),
            RedirectLoop => Redirect(response, RedirectLoop),
            Windows1252DeclaredUtf8 => Bytes(response, "application/rss+xml; charset=utf-8", LoadWindows1252().GetBytes(Rss("", AccentedTitle))),
            Latin1DeclaredServedUtf8 => Bytes(response, "application/rss+xml; charset=utf-8",
                Encoding.UTF8.GetBytes(Rss("", AccentedTitle).Replace("encoding=\"utf-8\"", "encoding=\"ISO-8859-1\"", StringComparison.Ordinal))),
            HtmlPage => Bytes(response, "text/html; charset=utf-8",
                Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html><head><title>Welcome</title></head><body><p>This is a blog, not a feed.<br></p></body></html>")),
            EmptyBody => Bytes(response, "application/rss+xml", []),
            Truncated => Xml(response, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut</title><item><title>Half an it"),
            NotFound => Status(response, StatusCodes.Status404NotFound),
            TooManyRequests => Status(response, StatusCodes.Status429TooManyRequests, retryAfter: "120"),
            ServerError => Status(response, StatusCodes.Status500InternalServerError),
            _ => null,
        };
    }

    private static string Rss(string doctype, string title) =>
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n{doctype}\n<rss version=\"2.0\"><channel><title>Hostile</title>"
        + $"<item><title>{title}</title><link>https://hostile.example/post</link><description>{title}</description></item></channel></rss>";

    private static string BillionLaughsDtd()
    {
        var dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (var level = 1; level <= 9; level++)
        {
            // Each level is ten of the one below: &lol9; would be 3 * 10^9 characters.
            var tenOfBelow = string.Concat(Enumerable.Repeat($"&lol{level - 1};", 10));
            dtd.Append($"<!ENTITY lol{level} \"{tenOfBelow}\">");
        }
        return dtd.Append("]>").ToString();
    }

    private static Task Xml(HttpResponse response, string xml) =>
        Bytes(response, "application/rss+xml; charset=utf-8", Encoding.UTF8.GetBytes(xml));

    private static async Task Bytes(HttpResponse response, string contentType, byte[] body)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    private static Task Status(HttpResponse response, int status, string? retryAfter = null)
    {
        response.StatusCode = status;
        if (retryAfter is not null)
        {
            response.Headers.RetryAfter = retryAfter;
        }
        return Task.CompletedTask;
    }

    private static Task Redirect(HttpResponse response, string location)
    {
        response.StatusCode = StatusCodes.Status302Found;
        response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static async Task Padding(HttpResponse response, long total, bool declareLength, CancellationToken ct)
    {
        response.ContentType = "application/rss+xml";
        if (declareLength)
        {
            response.ContentLength = total;
        }
        var chunk = new byte[ChunkSize];
        Array.Fill(chunk, (byte)' ');
        await WriteRepeatedAsync(response.Body, chunk, total, ct);
    }

    private static async Task Bomb(HttpResponse response, CancellationToken ct)
    {
        response.ContentType = "application/rss+xml";
        response.Headers.ContentEncoding = "gzip";
        var chunk = new byte[ChunkSize];
        Array.Fill(chunk, (byte)' ');
        var gzip = new GZipStream(response.Body, CompressionLevel.SmallestSize, leaveOpen: true);
        await using (gzip)
        {
            await WriteRepeatedAsync(gzip, chunk, GzipBombBytes, ct);
        }
    }

    private static async Task DripAsync(HttpResponse response, CancellationToken ct)
    {
        response.ContentType = "application/rss+xml";
        await response.Body.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"u8.ToArray(), ct);
        await response.Body.FlushAsync(ct);
        for (var i = 0; i < 600 && !ct.IsCancellationRequested; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            await response.Body.WriteAsync(" "u8.ToArray(), ct);
            await response.Body.FlushAsync(ct);
        }
    }

    private static async Task WriteRepeatedAsync(Stream target, byte[] chunk, long total, CancellationToken ct)
    {
        for (long written = 0; written < total && !ct.IsCancellationRequested; written += chunk.Length)
        {
            await target.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, total - written)), ct);
        }
    }

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
