using System.Text.Json;

namespace Digest.Llm.Chat;

/// <summary>The JSON of an answer, however the model wrapped it; null when there is none.</summary>
internal static class JsonAnswer
{
    public static JsonDocument? Parse(string content)
    {
        try
        {
            return JsonDocument.Parse(StripFence(content));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Models without structured output like to wrap JSON in a Markdown code fence.</summary>
    private static string StripFence(string content)
    {
        var text = content.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }
        var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
        var lastFence = text.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && lastFence > firstLine ? text[(firstLine + 1)..lastFence].Trim() : text;
    }

    /// <summary>A string property, trimmed, with its whitespace runs collapsed to single spaces; null when absent.</summary>
    public static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? string.Join(' ', (value.GetString() ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : null;
}
