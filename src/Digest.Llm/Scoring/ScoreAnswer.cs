using System.Text.Json;
using Digest.Core.Articles;
using Digest.Llm.Chat;

namespace Digest.Llm.Scoring;

/// <summary>One article's scores as the model gave them, checked against the batch and the ranges.</summary>
internal sealed record ScoredItem(long Id, int Relevance, int Quality, int Timeliness, Category Category, IReadOnlyList<string> Keywords);

/// <summary>
/// Reads a scoring answer item by item: one bad item costs that article, not the batch. Null when the answer is
/// not the expected JSON at all; an empty list when it is, but no item is valid.
/// </summary>
internal static class ScoreAnswer
{
    public static IReadOnlyList<ScoredItem>? Read(string content, IReadOnlySet<long> ids)
    {
        using var document = JsonAnswer.Parse(content);
        if (document is null)
        {
            return null;
        }
        // Lenient where it is safe: a bare array is as clear as {"items": [...]}.
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var inner) ? inner : root;
        if (items.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var result = new List<ScoredItem>();
        foreach (var element in items.EnumerateArray())
        {
            if (ReadItem(element, ids) is { } item && result.TrueForAll(r => r.Id != item.Id))
            {
                result.Add(item);
            }
        }
        return result;
    }

    private static ScoredItem? ReadItem(JsonElement item, IReadOnlySet<long> ids)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("id", out var idValue) || idValue.ValueKind != JsonValueKind.Number || !idValue.TryGetInt64(out var id) || !ids.Contains(id)
            || Score(item, "relevance") is not { } relevance
            || Score(item, "quality") is not { } quality
            || Score(item, "timeliness") is not { } timeliness
            || !item.TryGetProperty("category", out var categoryValue) || categoryValue.ValueKind != JsonValueKind.String
            || !Categories.TryParse(categoryValue.GetString(), out var category)
            || !item.TryGetProperty("keywords", out var keywordsValue))
        {
            return null;
        }
        // Lenient where it is safe: one keyword still names the topic, and the core tops it up from the text.
        var keywords = Keywords.Read(keywordsValue);
        return keywords.Count >= 1 ? new ScoredItem(id, relevance, quality, timeliness, category, keywords) : null;
    }

    private static int? Score(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var score) && score is >= 1 and <= 10
            ? score
            : null;
}
