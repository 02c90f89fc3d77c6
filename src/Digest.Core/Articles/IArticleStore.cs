namespace Digest.Core.Articles;

/// <summary>Where articles live. Implementations dedupe by canonical URL and by GUID.</summary>
public interface IArticleStore
{
    /// <summary>Stores the articles that are new (by canonical URL, and by GUID when present) and returns them with their ids.</summary>
    Task<IReadOnlyList<Article>> AddNewAsync(IReadOnlyList<NewArticle> articles, CancellationToken ct);

    /// <summary>
    /// As <see cref="AddNewAsync(IReadOnlyList{NewArticle}, CancellationToken)"/>, and each new article is put in the story
    /// <paramref name="storyOf"/> names for it (its own id for a story of its own), in the same transaction: a feed's
    /// articles and their stories are stored together or not at all.
    /// </summary>
    Task<IReadOnlyList<Article>> AddNewAsync(
        IReadOnlyList<NewArticle> articles, Func<Article, CancellationToken, ValueTask<long>> storyOf, CancellationToken ct);

    /// <summary>Articles published (or first seen) at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<Article>> GetSinceAsync(DateTimeOffset since, CancellationToken ct);

    Task<IReadOnlyList<Article>> GetByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken ct);

    /// <summary>The article stored under this canonical URL (see <see cref="CanonicalUrl.Normalize"/>), or null.</summary>
    Task<Article?> GetByUrlAsync(string canonicalUrl, CancellationToken ct);

    /// <summary>Full-text search over title and text (FTS5 syntax is not exposed: the query is plain words).</summary>
    Task<IReadOnlyList<Article>> SearchAsync(string query, int limit, CancellationToken ct);

    /// <summary>Puts an article in another article's story (same event told by several sources).</summary>
    Task AssignStoryAsync(long articleId, long storyId, CancellationToken ct);

    /// <summary>
    /// What the article's page told us: its readable text when longer than the feed's snippet (null keeps the text), and
    /// its date, which is only taken when the article had none.
    /// </summary>
    Task UpdateFromPageAsync(long articleId, string? text, DateTimeOffset? publishedAt, CancellationToken ct);
}
