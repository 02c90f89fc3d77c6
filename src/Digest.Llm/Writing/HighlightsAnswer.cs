using Digest.Llm.Chat;

namespace Digest.Llm.Writing;

/// <summary>The highlights paragraph as the model gave it: one paragraph of a sensible length, or null.</summary>
internal static class HighlightsAnswer
{
    public const int MinLength = 80;
    public const int MaxLength = 1_500;

    public static string? Read(string content)
    {
        using var document = JsonAnswer.Parse(content);
        // Collapsing whitespace also folds any line breaks into the single paragraph the edition expects.
        return document is not null && JsonAnswer.Text(document.RootElement, "highlights") is { Length: >= MinLength and <= MaxLength } text
            ? text
            : null;
    }
}
