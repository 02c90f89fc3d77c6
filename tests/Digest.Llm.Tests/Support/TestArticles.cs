using Digest.Core.Articles;
using Digest.Core.Assessing;

namespace Digest.Llm.Tests.Support;

public static class TestArticles
{
    public static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static Article Make(long id, string? title = null, string? text = null) =>
        new(id, $"https://example.com/{id}", null, "https://example.com/feed", "example.com",
            title ?? $"Article number {id} about compilers", text ?? $"Body of article {id}. It explains a compiler change in detail.",
            Now.AddHours(-id), Now, id);

    public static IReadOnlyList<Article> Batch(int count) => Enumerable.Range(1, count).Select(i => Make(i)).ToList();

    public static Assessment AssessmentOf(Article article) =>
        new(article.Id, 7, 6, 8, Category.Engineering, ["compilers", "performance"], "test-model", "score-v3+writeup-v2", Now);
}
