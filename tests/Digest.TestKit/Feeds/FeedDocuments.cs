using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Digest.TestKit.Feeds;

/// <summary>Writes a list of items as RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed 1.1.</summary>
public static class FeedDocuments
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Write(FeedFormat format, string title, Uri feedUrl, IReadOnlyList<TestFeedItem> items) => format switch
    {
        FeedFormat.Rss20 => Xml(Rss20(title, feedUrl, items)),
        FeedFormat.Rss10 => Xml(Rss10(title, feedUrl, items)),
        FeedFormat.Atom => Xml(AtomFeed(title, feedUrl, items)),
        FeedFormat.JsonFeed => JsonFeed(title, feedUrl, items),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string ContentType(FeedFormat format) => format switch
    {
        FeedFormat.Rss20 => "application/rss+xml; charset=utf-8",
        FeedFormat.Rss10 => "application/rdf+xml; charset=utf-8",
        FeedFormat.Atom => "application/atom+xml; charset=utf-8",
        _ => "application/feed+json; charset=utf-8",
    };

    /// <summary>RFC 822 with a numeric offset, as RSS 2.0 writes dates: "Tue, 10 Jun 2003 04:00:00 +0200".</summary>
    public static string Rfc822(DateTimeOffset date) =>
        date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
        + (date.Offset < TimeSpan.Zero ? "-" : "+")
        + date.Offset.ToString("hhmm", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static XDocument Rss20(string title, Uri feedUrl, IReadOnlyList<TestFeedItem> items) => new(
        new XElement("rss",
            new XAttribute("version", "2.0"),
            new XAttribute(XNamespace.Xmlns + "content", Content),
            new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XElement("channel",
                new XElement("title", title),
                new XElement("link", feedUrl.AbsoluteUri),
                new XElement("description", title),
                items.Select(i => new XElement("item",
                    new XElement("title", i.Title),
                    new XElement("link", i.Link),
                    i.Guid is null ? null : new XElement("guid", new XAttribute("isPermaLink", "false"), i.Guid),
                    i.Html is null ? null : new XElement("description", i.Html),
                    i.Published is { } p ? new XElement("pubDate", Rfc822(p)) : null,
                    i.Author is null ? null : new XElement(Dc + "creator", i.Author))))));

    private static XDocument Rss10(string title, Uri feedUrl, IReadOnlyList<TestFeedItem> items) => new(
        new XElement(Rdf + "RDF",
            new XAttribute(XNamespace.Xmlns + "rdf", Rdf),
            new XAttribute("xmlns", Rss1),
            new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XAttribute(XNamespace.Xmlns + "content", Content),
            new XElement(Rss1 + "channel",
                new XAttribute(Rdf + "about", feedUrl.AbsoluteUri),
                new XElement(Rss1 + "title", title),
                new XElement(Rss1 + "link", feedUrl.AbsoluteUri),
                new XElement(Rss1 + "items", new XElement(Rdf + "Seq",
                    items.Select(i => new XElement(Rdf + "li", new XAttribute(Rdf + "resource", i.Link)))))),
            items.Select(i => new XElement(Rss1 + "item",
                new XAttribute(Rdf + "about", i.Guid ?? i.Link),
                new XElement(Rss1 + "title", i.Title),
                new XElement(Rss1 + "link", i.Link),
                i.Html is null ? null : new XElement(Content + "encoded", i.Html),
                i.Published is { } p ? new XElement(Dc + "date", Iso(p)) : null,
                i.Author is null ? null : new XElement(Dc + "creator", i.Author)))));

    private static XDocument AtomFeed(string title, Uri feedUrl, IReadOnlyList<TestFeedItem> items) => new(
        new XElement(Atom + "feed",
            new XElement(Atom + "title", title),
            new XElement(Atom + "id", feedUrl.AbsoluteUri),
            new XElement(Atom + "updated", Iso(items.Select(i => i.Published).OfType<DateTimeOffset>().DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max())),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", feedUrl.AbsoluteUri)),
            items.Select(i => new XElement(Atom + "entry",
                new XElement(Atom + "title", i.Title),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", i.Link)),
                new XElement(Atom + "id", i.Guid ?? i.Link),
                i.Published is { } p ? new XElement(Atom + "published", Iso(p)) : null,
                i.Published is { } u ? new XElement(Atom + "updated", Iso(u)) : null,
                i.Html is null ? null : new XElement(Atom + "content", new XAttribute("type", "html"), i.Html),
                i.Author is null ? null : new XElement(Atom + "author", new XElement(Atom + "name", i.Author))))));

    private static byte[] JsonFeed(string title, Uri feedUrl, IReadOnlyList<TestFeedItem> items)
    {
        var feed = new JsonObject
        {
            ["version"] = "https://jsonfeed.org/version/1.1",
            ["title"] = title,
            ["feed_url"] = feedUrl.AbsoluteUri,
            ["items"] = new JsonArray(items.Select(JsonItem).ToArray<JsonNode?>()),
        };
        return Encoding.UTF8.GetBytes(feed.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static JsonObject JsonItem(TestFeedItem item)
    {
        var json = new JsonObject
        {
            ["id"] = item.Guid ?? item.Link,
            ["url"] = item.Link,
            ["title"] = item.Title,
        };
        if (item.Html is not null)
        {
            json["content_html"] = item.Html;
        }
        if (item.Published is { } published)
        {
            json["date_published"] = Iso(published);
        }
        if (item.Author is not null)
        {
            json["authors"] = new JsonArray(new JsonObject { ["name"] = item.Author });
        }
        return json;
    }

    private static byte[] Xml(XDocument document)
    {
        document.Declaration = new XDeclaration("1.0", "utf-8", null);
        return Encoding.UTF8.GetBytes(document.Declaration + "\n" + document.ToString(SaveOptions.DisableFormatting));
    }
}
