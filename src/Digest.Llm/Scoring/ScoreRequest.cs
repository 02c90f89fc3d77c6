using Digest.Core.Articles;
using Digest.Llm.Chat;

namespace Digest.Llm.Scoring;

/// <summary>The user message of a scoring call: the batch as delimited data, the start of each text only.</summary>
internal static class ScoreRequest
{
    /// <summary>Enough to judge topic, depth and freshness; the rest would multiply the tokens per batch.</summary>
    public const int TextLimit = 1_500;

    public static string UserMessage(IEnumerable<Article> articles) =>
        UntrustedData.Many(
            "Score each of these articles.",
            articles.Select(a => new Item(a.Id, a.Title, a.Source, UntrustedData.Clip(a.Text, TextLimit))));

    private sealed record Item(long Id, string Title, string Source, string Text);
}
