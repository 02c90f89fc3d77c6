using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Llm.Chat;

namespace Digest.Llm.Writing;

/// <summary>The user message of a write-up call: one article with its category and keywords as delimited data.</summary>
internal static class WriteupRequest
{
    /// <summary>The summary is built from the article's own text, so it gets much more than scoring does.</summary>
    public const int TextLimit = 8_000;

    public static string UserMessage(Article article, Assessment assessment) =>
        UntrustedData.One(
            "Write the entry for this article.",
            new Item(article.Title, article.Source, assessment.Category.Slug(), assessment.Keywords, UntrustedData.Clip(article.Text, TextLimit)));

    private sealed record Item(string Title, string Source, string Category, IReadOnlyList<string> Keywords, string Text);
}
