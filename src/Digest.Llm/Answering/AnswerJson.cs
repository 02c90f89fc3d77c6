using System.Text.Json;
using Digest.Core.Conversation.Asking;
using Digest.Llm.Chat;

namespace Digest.Llm.Answering;

/// <summary>
/// The model's answer, checked for shape only. Which citations name a retrieved article is the core's check, made the
/// same way whoever answered.
/// </summary>
internal static class AnswerJson
{
    /// <summary>Five short sentences with their citations fit well within this.</summary>
    public const int MaxLength = 1_200;

    /// <summary>Null when found is missing, or when an answer said to be found is empty or overlong.</summary>
    public static Answer? Read(string content)
    {
        using var document = JsonAnswer.Parse(content);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("found", out var found) || found.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return null;
        }
        var root = document.RootElement;
        if (!found.GetBoolean())
        {
            return new Answer("", [], Found: false);
        }
        if (JsonAnswer.Text(root, "answer") is not { Length: > 0 and <= MaxLength } text)
        {
            return null;
        }
        var cited = root.TryGetProperty("cited", out var numbers) && numbers.ValueKind == JsonValueKind.Array
            ? numbers.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out _)).Select(n => n.GetInt32()).Distinct().ToList()
            : [];
        return new Answer(text, cited, Found: true);
    }
}
