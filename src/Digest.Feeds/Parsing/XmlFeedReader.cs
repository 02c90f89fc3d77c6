using System.Text.RegularExpressions;
using System.Xml.Linq;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;
using Digest.Core.Collecting;

namespace Digest.Feeds.Parsing;

/// <summary>
/// RSS 0.91–2.0, RSS 1.0 (RDF) and Atom. The bytes are read by <see cref="SafeXml"/>; CodeHollow.FeedReader only
/// ever sees our re-serialized tree, which has no DTD, so its own parser has nothing to expand or fetch.
/// </summary>
internal static partial class XmlFeedReader
{
    private const int HtmlSniffLength = 2048;

    private static readonly HashSet<string> FeedRoots = new(StringComparer.OrdinalIgnoreCase) { "rss", "rdf", "feed" };

    [GeneratedRegex(@"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlStart();

    public static ParsedFeed Read(string text, Uri feedUri)
    {
        if (HtmlStart().IsMatch(text.AsSpan(0, Math.Min(text.Length, HtmlSniffLength))))
        {
            return ParsedFeed.Failed("Not a feed: the server sent an HTML page");
        }
        var (root, error) = SafeXml.Load(text);
        if (root is null)
        {
            return ParsedFeed.Failed(error ?? "Not XML");
        }
        var rootName = root.Name.LocalName;
        if (!FeedRoots.Contains(rootName))
        {
            return ParsedFeed.Failed(rootName.Equals("html", StringComparison.OrdinalIgnoreCase)
                ? "Not a feed: the server sent an HTML page"
                : $"Not a feed: the root element is <{rootName}>");
        }
        if (rootName.Equals("rss", StringComparison.OrdinalIgnoreCase) && root.Attribute("version") is null)
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
            return ParsedFeed.Failed($"Unreadable {rootName} feed: {e.Message}");
        }

        var items = feed.Items.Select(item => Map(item, feedUri)).OfType<FetchedItem>().ToList();
        if (items.Count == 0 && error is not null)
        {
            return ParsedFeed.Failed($"Truncated or malformed XML with no complete item: {error}");
        }
        if (items.Count == 0 && feed.Items.Count > 0)
        {
            return ParsedFeed.Failed($"None of the feed's {feed.Items.Count} items has a usable link");
        }
        return ParsedFeed.Read(items);
    }

    private static FetchedItem? Map(FeedItem item, Uri feedUri)
    {
        var specific = item.SpecificItem;
        var date = item.PublishingDateString;
        var author = item.Author;
        switch (specific)
        {
            case AtomFeedItem atom:
                date ??= atom.UpdatedDateString;
                author = atom.Author?.Name ?? author;
                break;
            case Rss20FeedItem rss20:
                date ??= rss20.DC?.DateString;
                author = string.IsNullOrWhiteSpace(author) ? rss20.DC?.Creator : author;
                break;
            case Rss10FeedItem rss10:
                date ??= rss10.DC?.DateString;
                author = string.IsNullOrWhiteSpace(author) ? rss10.DC?.Creator : author;
                break;
        }
        var content = string.IsNullOrWhiteSpace(item.Content) ? item.Description : item.Content;
        return FeedItems.Create(feedUri, item.Id, item.Link, item.Title, content, FeedDate.Parse(date), author);
    }
}
