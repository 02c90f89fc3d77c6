using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Digest.Feeds.Parsing;

namespace Digest.Feeds.Pages;

/// <summary>
/// The publication date an article page states about itself, for items whose feed gave none: the meta tags
/// publishers write for social cards and search engines, then schema.org JSON-LD, then the first &lt;time
/// datetime&gt; of the article. Null when the page states none that reads.
/// </summary>
internal static class PageDate
{
    /// <summary>Meta names and properties in the order they are trusted; the first two are Open Graph's.</summary>
    private static readonly string[] MetaKeys =
    [
        "article:published_time",
        "og:published_time",
        "date",
        "datePublished",
        "dc.date.issued",
        "parsely-pub-date",
    ];

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    public static DateTimeOffset? Find(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return FromMeta(document) ?? FromJsonLd(document) ?? FromTime(document);
    }

    private static DateTimeOffset? FromMeta(IDocument document)
    {
        var tagged = document.QuerySelectorAll("meta, [itemprop]")
            .Select(e => (Key: e.GetAttribute("property") ?? e.GetAttribute("name") ?? e.GetAttribute("itemprop"), Element: e))
            .Where(t => t.Key is not null)
            .ToList();
        foreach (var key in MetaKeys)
        {
            foreach (var (_, element) in tagged.Where(t => t.Key!.Trim().Equals(key, StringComparison.OrdinalIgnoreCase)))
            {
                // itemprop sits on meta (content), time (datetime) or a plain element whose text is the date.
                var value = element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? element.TextContent;
                if (FeedDate.Parse(value) is { } date)
                {
                    return date;
                }
            }
        }
        return null;
    }

    private static DateTimeOffset? FromJsonLd(IDocument document)
    {
        var scripts = document.QuerySelectorAll("script[type]")
            .Where(s => s.GetAttribute("type")!.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase));
        DateTimeOffset? anyNode = null;
        foreach (var script in scripts)
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, JsonOptions);
                foreach (var node in Nodes(json.RootElement))
                {
                    var date = node.TryGetProperty("datePublished", out var value) && value.ValueKind == JsonValueKind.String
                        ? FeedDate.Parse(value.GetString())
                        : null;
                    if (date is not null && IsArticle(node))
                    {
                        return date;
                    }
                    anyNode ??= date;
                }
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often broken; a page's other scripts may still say.
            }
        }
        return anyNode;
    }

    /// <summary>The top-level things a JSON-LD block describes: the object itself, an array's items, an @graph's items.</summary>
    private static IEnumerable<JsonElement> Nodes(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var node in element.EnumerateArray().SelectMany(Nodes))
            {
                yield return node;
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            if (element.TryGetProperty("@graph", out var graph))
            {
                foreach (var node in Nodes(graph))
                {
                    yield return node;
                }
            }
        }
    }

    /// <summary>Article, NewsArticle, BlogPosting and the like: the page's own date rather than its site's or a review's.</summary>
    private static bool IsArticle(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return false;
        }
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().ToList() : [type];
        return types.Any(t => t.ValueKind == JsonValueKind.String
            && t.GetString() is { } name
            && (name.EndsWith("Article", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Posting", StringComparison.OrdinalIgnoreCase)));
    }

    private static DateTimeOffset? FromTime(IDocument document) =>
        document.QuerySelectorAll("article time[datetime], main time[datetime]")
            .Select(t => FeedDate.Parse(t.GetAttribute("datetime")))
            .FirstOrDefault(d => d is not null);
}
