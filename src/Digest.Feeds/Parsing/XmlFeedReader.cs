using System.Xml.Linq;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;
using Digest.Core.Collecting;

namespace Digest.Feeds.Parsing;

/// <summary>
/// RSS 0.91–2.0, RSS 1.0 (RDF) and Atom, told apart by the root element alone (a DOCTYPE says nothing). The bytes
/// are read by <see cref="SafeXml"/>; CodeHollow.FeedReader only ever sees our re-serialized tree, which has no DTD,
/// so its own parser has nothing to expand or fetch. It reads titles, content and authors; links and dates are read
/// from each item's element, where xml:base and the attributes that choose a link are still visible.
/// </summary>
internal static class XmlFeedReader
{
    private const string HtmlPage = "Not a feed: the server sent an HTML page";

    private static readonly HashSet<string> FeedRoots = new(StringComparer.OrdinalIgnoreCase) { "rss", "rdf", "feed" };

    public static ParsedFeed Read(string text, Uri feedUri)
    {
        var (root, rootName, error) = SafeXml.Load(text);
        if (string.Equals(rootName, "html", StringComparison.OrdinalIgnoreCase))
        {
            return ParsedFeed.Failed(HtmlPage);
        }
        if (root is null)
        {
            return ParsedFeed.Failed(error ?? "Not XML");
        }
        var name = root.Name.LocalName;
        if (!FeedRoots.Contains(name))
        {
            return ParsedFeed.Failed($"Not a feed: the root element is <{name}>");
        }
        if (name.Equals("rss", StringComparison.OrdinalIgnoreCase) && root.Attribute("version") is null)
        {
            root.SetAttributeValue("version", "2.0");
        }

        Feed feed;
        try
        {
            feed = FeedReader.ReadFromString(root.ToString(SaveOptions.DisableFormatting));
        }
        catch (Exception e)
        {
            return ParsedFeed.Failed($"Unreadable {name} feed: {e.Message}");
        }

        var links = new XmlItemLinks(feedUri);
        var items = feed.Items.Select(item => Map(item, links, feedUri)).OfType<FetchedItem>().ToList();
        if (feed.Items.Count == 0 && error is not null)
        {
            return ParsedFeed.Failed($"Truncated or malformed XML with no complete item: {error}");
        }
        return ParsedFeed.Read(items, feed.Items.Count - items.Count);
    }

    private static FetchedItem? Map(FeedItem item, XmlItemLinks links, Uri feedUri)
    {
        var element = item.SpecificItem?.Element;
        var isAtom = item.SpecificItem is AtomFeedItem;
        var url = element is null
            ? HttpLinks.Resolve(feedUri, item.Link) ?? HttpLinks.Absolute(item.Id)
            : isAtom ? links.ForAtomEntry(element) : links.ForRssItem(element);
        if (url is null)
        {
            return null;
        }
        var date = element is null ? FeedDate.Parse(item.PublishingDateString) : XmlItemFields.Date(element);
        var author = item.SpecificItem is AtomFeedItem atom ? atom.Author?.Name ?? item.Author : item.Author;
        if (string.IsNullOrWhiteSpace(author) && element is not null)
        {
            author = XmlItemFields.Creator(element);
        }
        var content = string.IsNullOrWhiteSpace(item.Content) ? item.Description : item.Content;
        var enclosure = element is null ? null : XmlItemFields.Enclosure(element, feedUri);
        var duration = element is null ? null : XmlItemFields.Duration(element);
        return FeedItems.Create(url, item.Id, item.Title, content, date, author, enclosure, duration);
    }
}
