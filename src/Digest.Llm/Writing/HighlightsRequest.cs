using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Llm.Chat;

namespace Digest.Llm.Writing;

/// <summary>The user message of a highlights call: the selection, most important first, as delimited data.</summary>
internal static class HighlightsRequest
{
    /// <summary>A paragraph can name only a few stories; more articles would only add tokens.</summary>
    public const int MaxArticles = 30;
    public const int SummaryLimit = 600;

    public static string UserMessage(IEnumerable<HighlightInput> selected) =>
        UntrustedData.Many(
            "Write today's highlights over these articles.",
            selected.Take(MaxArticles).Select(s => new Item(s.Title, s.Source, s.Category.Slug(), s.Keywords, UntrustedData.Clip(s.Summary, SummaryLimit))));

    private sealed record Item(string Title, string Source, string Category, IReadOnlyList<string> Keywords, string Summary);
}
