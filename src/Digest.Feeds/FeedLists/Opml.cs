using System.Text;
using System.Xml;
using System.Xml.Linq;
using Digest.Core.Collecting;
using Digest.Feeds.Parsing;

namespace Digest.Feeds.FeedLists;

/// <summary>Reads and writes OPML feed lists (subscriptions exported by feed readers).</summary>
public static class Opml
{
    /// <summary>Every feed outline, however deeply nested, once per URL. Throws <see cref="InvalidDataException"/> for a document that is not OPML.</summary>
    public static IReadOnlyList<FeedSource> Parse(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        XDocument document;
        try
        {
            var settings = SafeXml.CreateSettings();
            settings.CloseInput = false;
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"Not valid OPML: {e.Message}", e);
        }
        if (document.Root is not { } root || !root.Name.LocalName.Equals("opml", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"Not OPML: the root element is <{document.Root?.Name.LocalName}>");
        }

        var feeds = new List<FeedSource>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var outline in root.Descendants().Where(e => e.Name.LocalName == "outline"))
        {
            if (ToFeed(outline) is { } feed && seen.Add(feed.Url))
            {
                feeds.Add(feed);
            }
        }
        return feeds;
    }

    /// <summary>An OPML 2.0 document listing <paramref name="feeds"/>, for export and for Feeds:Opml.</summary>
    public static string Write(IEnumerable<FeedSource> feeds, string title)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var body = new XElement("body", feeds.Select(feed => new XElement(
            "outline",
            new XAttribute("type", "rss"),
            new XAttribute("text", feed.Title),
            new XAttribute("title", feed.Title),
            new XAttribute("xmlUrl", feed.Url),
            feed.SiteUrl is null ? null : new XAttribute("htmlUrl", feed.SiteUrl))));
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("opml", new XAttribute("version", "2.0"), new XElement("head", new XElement("title", title)), body));

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static FeedSource? ToFeed(XElement outline)
    {
        var type = Attribute(outline, "type");
        if (type is not null && !type.Equals("rss", StringComparison.OrdinalIgnoreCase) && !type.Equals("atom", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var url = Attribute(outline, "xmlUrl");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }
        var title = Attribute(outline, "title") ?? Attribute(outline, "text") ?? uri.Host;
        return new FeedSource(uri.AbsoluteUri, title, Attribute(outline, "htmlUrl"));
    }

    /// <summary>Attribute names are matched ignoring case: exporters write xmlUrl, xmlurl and XMLURL.</summary>
    private static string? Attribute(XElement element, string name)
    {
        var value = element.Attributes()
            .FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
