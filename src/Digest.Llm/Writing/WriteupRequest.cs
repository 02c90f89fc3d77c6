using Digest.Core.Articles;
using Digest.Llm.Chat;

namespace Digest.Llm.Writing;

/// <summary>
/// The user message of a write-up call: one article's title and text as delimited data. Source, category and
/// keywords stay out: the summary is built from the text alone, and the tags fall back on the keywords anyway.
/// </summary>
internal static class WriteupRequest
{
    /// <summary>The summary is built from the article's own text, so it gets much more than scoring does.</summary>
    public const int TextLimit = 8_000;

    public static string UserMessage(Article article) =>
        UntrustedData.One("Write the entry for this article.", new Item(article.Title, UntrustedData.Clip(article.Text, TextLimit)));

    private sealed record Item(string Title, string Text);
}
