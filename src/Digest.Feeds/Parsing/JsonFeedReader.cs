using System.Text.Json;
using Digest.Core.Collecting;

namespace Digest.Feeds.Parsing;

/// <summary>JSON Feed 1.0/1.1: items with id, url, title, content and date; every field may be missing.</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    public static ParsedFeed Read(string json, Uri feedUri)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            return ParsedFeed.Failed($"Not a JSON Feed: invalid JSON ({e.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("items", out var items)
                || items.ValueKind != JsonValueKind.Array)
            {
                return ParsedFeed.Failed("Not a JSON Feed: no \"items\" array");
            }
            var read = new List<FetchedItem>();
            var skipped = 0;
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                if (Link(item, feedUri) is not { } url)
                {
                    skipped++;
                    continue;
                }
                read.Add(FeedItems.Create(
                    url,
                    Text(item, "id"),
                    Text(item, "title"),
                    Text(item, "content_html") ?? Text(item, "content_text") ?? Text(item, "summary"),
                    FeedDate.Parse(Text(item, "date_published")) ?? FeedDate.Parse(Text(item, "date_modified")),
                    Authors(item) ?? Authors(root)));
            }
            return ParsedFeed.Read(read, skipped);
        }
    }

    /// <summary>url, else external_url (both may be relative to the feed), else an id that is itself an http(s) URL.</summary>
    private static string? Link(JsonElement item, Uri feedUri) =>
        HttpLinks.Resolve(feedUri, Text(item, "url"))
        ?? HttpLinks.Resolve(feedUri, Text(item, "external_url"))
        ?? HttpLinks.Absolute(Text(item, "id"));

    /// <summary>A string, or a number written as text (ids are sometimes numbers); blank counts as missing.</summary>
    private static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>1.1's "authors" array, else 1.0's single "author".</summary>
    private static string? Authors(JsonElement element)
    {
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var names = authors.EnumerateArray()
                .Where(a => a.ValueKind == JsonValueKind.Object)
                .Select(a => Text(a, "name"))
                .OfType<string>()
                .ToList();
            if (names.Count > 0)
            {
                return string.Join(", ", names);
            }
        }
        return element.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object
            ? Text(author, "name")
            : null;
    }
}
