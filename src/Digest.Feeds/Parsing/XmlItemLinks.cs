using System.Xml.Linq;

namespace Digest.Feeds.Parsing;

/// <summary>
/// The article link of an RSS item or an Atom entry, read from the element itself so xml:base and the attributes
/// that pick a link (rel, type, isPermaLink) are seen. Null when the item offers no usable http(s) link. One
/// instance reads one feed, so each channel's link is looked up once rather than once per item.
/// </summary>
internal sealed class XmlItemLinks(Uri feedUri)
{
    private static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string IanaRelations = "http://www.iana.org/assignments/relation/";

    private readonly Dictionary<XElement, Uri> channelBases = [];

    /// <summary>
    /// RSS 0.9x, 1.0 and 2.0: &lt;link&gt;, an atom:link alternate, a permalink &lt;guid&gt;, then RSS 1.0's rdf:about.
    /// Relative links resolve against xml:base where the feed declares one, else the channel's link, else the feed URL.
    /// </summary>
    public string? ForRssItem(XElement item)
    {
        var fallback = ChannelBase(item);
        foreach (var link in item.Elements().Where(e => e.Name.LocalName == "link" && e.Name.Namespace != AtomNs))
        {
            if (HttpLinks.Resolve(XmlBase.Of(link, feedUri, fallback), link.Value) is { } url)
            {
                return url;
            }
        }
        return AtomAlternate(item, fallback)
            ?? Permalink(item, fallback)
            ?? HttpLinks.Absolute(item.Attribute(Rdf + "about")?.Value);
    }

    /// <summary>Atom 1.0 and 0.3: the alternate link (HTML first), else an &lt;id&gt; that is itself an http(s) URL.</summary>
    public string? ForAtomEntry(XElement entry) =>
        AtomAlternate(entry, feedUri)
        ?? HttpLinks.Absolute(entry.Elements().FirstOrDefault(e => e.Name.LocalName == "id")?.Value);

    private string? AtomAlternate(XElement entry, Uri fallback)
    {
        var alternates = entry.Elements()
            .Where(e => e.Name.LocalName == "link" && (e.Name.Namespace == AtomNs || e.Attribute("href") is not null))
            .Where(IsAlternate)
            .OrderBy(TypeRank);
        foreach (var link in alternates)
        {
            // Some generators write the URL as the element's text rather than in href.
            var href = link.Attribute("href")?.Value ?? link.Value;
            if (HttpLinks.Resolve(XmlBase.Of(link, feedUri, fallback), href) is { } url)
            {
                return url;
            }
        }
        return null;
    }

    private static bool IsAlternate(XElement link)
    {
        var rel = link.Attribute("rel")?.Value.Trim() ?? string.Empty;
        if (rel.StartsWith(IanaRelations, StringComparison.OrdinalIgnoreCase))
        {
            rel = rel[IanaRelations.Length..];
        }
        return rel.Length == 0 || rel.Equals("alternate", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An HTML page first, then a link of no stated type, then anything else (audio, video).</summary>
    private static int TypeRank(XElement link)
    {
        var type = link.Attribute("type")?.Value.Trim();
        if (string.IsNullOrEmpty(type))
        {
            return 1;
        }
        return type.Contains("html", StringComparison.OrdinalIgnoreCase) ? 0 : 2;
    }

    /// <summary>
    /// A &lt;guid&gt; is the item's address unless it says isPermaLink="false": absolute as written, or relative only when
    /// isPermaLink="true" says so (an opaque id such as "post-42" is not a path).
    /// </summary>
    private string? Permalink(XElement item, Uri fallback)
    {
        var guid = item.Elements().FirstOrDefault(e => e.Name.LocalName == "guid");
        if (guid is null)
        {
            return null;
        }
        var isPermaLink = guid.Attribute("isPermaLink")?.Value.Trim();
        if (isPermaLink is not null && !isPermaLink.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return HttpLinks.Absolute(guid.Value)
            ?? (isPermaLink is null ? null : HttpLinks.Resolve(XmlBase.Of(guid, feedUri, fallback), guid.Value));
    }

    /// <summary>The channel's own &lt;link&gt;, the base of an RSS feed that declares no xml:base; else the feed URL.</summary>
    private Uri ChannelBase(XElement item)
    {
        var parent = item.Parent;
        if (parent is null)
        {
            return feedUri;
        }
        if (!channelBases.TryGetValue(parent, out var channelBase))
        {
            // RSS 2.0 items sit in the channel; RSS 1.0 items beside it.
            var channel = parent.Name.LocalName == "channel"
                ? parent
                : parent.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
            var link = channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "link" && e.Name.Namespace != AtomNs && e.Value.Trim().Length > 0);
            channelBase = link is not null && HttpLinks.Resolve(feedUri, link.Value) is { } url ? new Uri(url) : feedUri;
            channelBases[parent] = channelBase;
        }
        return channelBase;
    }
}
