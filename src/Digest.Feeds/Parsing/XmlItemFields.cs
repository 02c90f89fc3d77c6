using System.Xml.Linq;

namespace Digest.Feeds.Parsing;

/// <summary>The date and creator of an RSS item or Atom entry, read from its element whatever the feed's dialect.</summary>
internal static class XmlItemFields
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

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
}
