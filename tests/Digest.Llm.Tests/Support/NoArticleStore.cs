using Digest.Core.Articles;

namespace Digest.Llm.Tests.Support;

/// <summary>For work that reads and writes no article: any use of the store is a bug worth a loud failure.</summary>
public sealed class NoArticleStore(string work) : IArticleStore
{
    public Task<IReadOnlyList<Article>> AddNewAsync(IReadOnlyList<NewArticle> articles, CancellationToken ct) => throw Unexpected();

    public Task<IReadOnlyList<Article>> AddNewAsync(
        IReadOnlyList<NewArticle> articles, Func<Article, CancellationToken, ValueTask<long>> storyOf, CancellationToken ct) => throw Unexpected();

    public Task<IReadOnlyList<Article>> GetSinceAsync(DateTimeOffset since, CancellationToken ct) => throw Unexpected();

    public Task<IReadOnlyList<Article>> GetByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken ct) => throw Unexpected();

    public Task<Article?> GetByUrlAsync(string canonicalUrl, CancellationToken ct) => throw Unexpected();

    public Task<IReadOnlyList<Article>> SearchAsync(string query, int limit, CancellationToken ct) => throw Unexpected();

    public Task AssignStoryAsync(long articleId, long storyId, CancellationToken ct) => throw Unexpected();

    public Task UpdateFromPageAsync(long articleId, string? text, DateTimeOffset? publishedAt, CancellationToken ct) => throw Unexpected();

    private InvalidOperationException Unexpected() => new($"{work} should not touch the article store.");
}
