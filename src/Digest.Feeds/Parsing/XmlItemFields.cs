using System.Globalization;
using System.Xml.Linq;
using Digest.Core.Collecting;

namespace Digest.Feeds.Parsing;

/// <summary>
/// The date, creator and podcast media (enclosure, running time) of an RSS item or Atom entry, read from its element
/// whatever the feed's dialect.
/// </summary>
internal static class XmlItemFields
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    /// <summary>Extensions that make an enclosure of no stated type a media file rather than, say, a PDF.</summary>
    private static readonly HashSet<string> MediaExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".mp3", ".m4a", ".m4b", ".aac", ".ogg", ".oga", ".opus", ".wav", ".flac", ".mp4", ".m4v", ".mov", ".webm",
    };

    /// <summary>
    /// Where each dialect writes the date, the publication before the last change: RSS's pubDate, Atom's published
    /// (issued in 0.3), Dublin Core's date (RSS 1.0, and RSS 2.0 with dc:), dcterms' issued and created, then Atom's
    /// updated (modified in 0.3) and dcterms:modified. Names are matched whatever their namespace, since feeds get those wrong.
    /// </summary>
    private static readonly string[] DateNames = ["pubDate", "published", "issued", "date", "created", "updated", "modified"];

    /// <summary>The first of the item's dates that reads; null when it has none or none is readable.</summary>
    public static DateTimeOffset? Date(XElement item)
    {
        foreach (var name in DateNames)
        {
            foreach (var element in item.Elements().Where(e => e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                if (FeedDate.Parse(element.Value) is { } date)
                {
                    return date;
                }
            }
        }
        return null;
    }

    /// <summary>dc:creator, which WordPress, Ghost and Substack use instead of RSS's e-mail-shaped &lt;author&gt;.</summary>
    public static string? Creator(XElement item) =>
        item.Elements(Dc + "creator").Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);

    /// <summary>
    /// The first audio or video file the item encloses: RSS's &lt;enclosure url type length&gt; or Atom's
    /// &lt;link rel="enclosure"&gt;. Null when there is none with an http(s) URL.
    /// </summary>
    public static MediaEnclosure? Enclosure(XElement item, Uri feedUri)
    {
        foreach (var element in item.Elements())
        {
            var name = element.Name.LocalName;
            var url = name == "enclosure"
                ? element.Attribute("url")?.Value
                : name == "link" && string.Equals(element.Attribute("rel")?.Value.Trim(), "enclosure", StringComparison.OrdinalIgnoreCase)
                    ? element.Attribute("href")?.Value
                    : null;
            if (HttpLinks.Resolve(XmlBase.Of(element, feedUri, feedUri), url) is not { } absolute)
            {
                continue;
            }
            var type = element.Attribute("type")?.Value.Trim();
            if (IsMedia(type, absolute))
            {
                return new MediaEnclosure(absolute, string.IsNullOrEmpty(type) ? null : type, Length(element.Attribute("length")?.Value));
            }
        }
        return null;
    }

    /// <summary>The item's itunes:duration (or a duration of another namespace, which feeds also write); null when unreadable.</summary>
    public static TimeSpan? Duration(XElement item)
    {
        var durations = item.Elements(Itunes + "duration")
            .Concat(item.Elements().Where(e => e.Name.LocalName == "duration" && e.Name.Namespace != Itunes));
        return durations.Select(e => ParseDuration(e.Value)).FirstOrDefault(d => d is not null);
    }

    /// <summary>
    /// Seconds ("3600"), MM:SS ("45:10") or HH:MM:SS ("1:02:03"), a fraction of the last field dropped. Null for
    /// anything else and for zero, which feeds write when they do not know.
    /// </summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        var parts = text?.Trim().Split(':');
        if (parts is null || parts.Length > 3)
        {
            return null;
        }
        var dot = parts[^1].IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && parts[^1][(dot + 1)..].All(char.IsAsciiDigit))
        {
            parts[^1] = parts[^1][..dot];
        }
        long seconds = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            // The leading field may run past 59 ("90:00" is ninety minutes); the ones after it are clock fields.
            var maxDigits = i == 0 ? 9 : 2;
            if (part.Length == 0 || part.Length > maxDigits || !part.All(char.IsAsciiDigit))
            {
                return null;
            }
            var value = long.Parse(part, CultureInfo.InvariantCulture);
            if (i > 0 && value > 59)
            {
                return null;
            }
            seconds = (seconds * 60) + value;
        }
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static bool IsMedia(string? type, string url)
    {
        if (!string.IsNullOrEmpty(type))
        {
            return type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) || type.StartsWith("video/", StringComparison.OrdinalIgnoreCase);
        }
        return MediaExtensions.Contains(Path.GetExtension(new Uri(url).AbsolutePath));
    }

    /// <summary>The size in bytes; null when absent, unreadable or zero (the usual placeholder for "unknown").</summary>
    private static long? Length(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > 0 ? length : null;
}
