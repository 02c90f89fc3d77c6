using System.Text.Json;

namespace Digest.Llm.Scoring;

/// <summary>Keywords and tags as the model gives them, made fit to store and render: trimmed, lower case, short, distinct.</summary>
internal static class Keywords
{
    public const int MaxLength = 40;
    public const int Max = 4;

    /// <summary>The usable strings of a JSON array, at most <see cref="Max"/>; empty when it is not an array.</summary>
    public static List<string> Read(JsonElement array)
    {
        var result = new List<string>(Max);
        if (array.ValueKind != JsonValueKind.Array)
        {
            return result;
        }
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && Normalize(item.GetString()) is { } keyword && !result.Contains(keyword))
            {
                result.Add(keyword);
                if (result.Count == Max)
                {
                    break;
                }
            }
        }
        return result;
    }

    /// <summary>Null for an empty, overlong or control-character keyword: lenient on case and spacing, strict on content.</summary>
    public static string? Normalize(string? raw)
    {
        var keyword = string.Join(' ', (raw ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return keyword.Length is > 0 and <= MaxLength && !keyword.Any(char.IsControl) ? keyword : null;
    }
}
