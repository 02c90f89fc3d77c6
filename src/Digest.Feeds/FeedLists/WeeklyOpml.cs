using System.Xml;
using System.Xml.Linq;
using Digest.Core.Collecting;
using Digest.Feeds.Parsing;

namespace Digest.Feeds.FeedLists;

/// <summary>
/// Reads the weekly list: an OPML document whose feed outlines carry an OPML <c>category</c> of "research" or
/// "audio", on the outline itself or on an outline that encloses it.
/// </summary>
public static class WeeklyOpml
{
    /// <summary>
    /// Every feed, once per URL, with its kind. Throws <see cref="InvalidDataException"/> for a document that is not
    /// OPML or a feed whose kind cannot be told.
    /// </summary>
    public static IReadOnlyList<WeeklySource> Parse(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);

        // The daily parser decides what counts as a feed, so both lists accept exactly the same outlines.
        buffer.Position = 0;
        var feeds = Opml.Parse(buffer);
        buffer.Position = 0;
        var kinds = KindsByUrl(buffer);

        var sources = new List<WeeklySource>(feeds.Count);
        var unknown = new List<string>();
        foreach (var feed in feeds)
        {
            if (kinds.TryGetValue(feed.Url, out var kind))
            {
                sources.Add(new WeeklySource(feed, kind));
            }
            else
            {
                unknown.Add(feed.Url);
            }
        }
        // A feed quietly dropped or put in the wrong section would be harder to notice than a refusal to start.
        return unknown.Count == 0
            ? sources
            : throw new InvalidDataException(
                $"Feeds without a category of \"research\" or \"audio\" (on the outline or one enclosing it): {string.Join(", ", unknown)}");
    }

    /// <summary>The kind an OPML category value names, e.g. "audio", "/Weekly/research" or "tech,/research"; null when none.</summary>
    public static WeeklySourceKind? KindOf(string? category)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            return null;
        }
        // OPML 2.0: a comma-separated list of slash-delimited category paths; any segment may name the kind.
        foreach (var segment in category.Split([',', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (segment.Equals("research", StringComparison.OrdinalIgnoreCase))
            {
                return WeeklySourceKind.Research;
            }
            if (segment.Equals("audio", StringComparison.OrdinalIgnoreCase))
            {
                return WeeklySourceKind.Audio;
            }
        }
        return null;
    }

    private static Dictionary<string, WeeklySourceKind> KindsByUrl(Stream stream)
    {
        var settings = SafeXml.CreateSettings();
        settings.CloseInput = false;
        using var reader = XmlReader.Create(stream, settings);
        var root = XDocument.Load(reader).Root!;

        var kinds = new Dictionary<string, WeeklySourceKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var outline in root.Descendants().Where(IsOutline))
        {
            if (Uri.TryCreate(Attribute(outline, "xmlUrl"), UriKind.Absolute, out var uri)
                && NearestKind(outline) is { } kind)
            {
                // The first outline of a URL wins, as it does for the feed itself.
                kinds.TryAdd(uri.AbsoluteUri, kind);
            }
        }
        return kinds;
    }

    private static WeeklySourceKind? NearestKind(XElement outline) =>
        outline.AncestorsAndSelf().Where(IsOutline).Select(e => KindOf(Attribute(e, "category"))).FirstOrDefault(k => k is not null);

    private static bool IsOutline(XElement element) => element.Name.LocalName == "outline";

    private static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value.Trim();
}
