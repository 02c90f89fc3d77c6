using Digest.Core.Articles;
using Digest.Core.Assessing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Llm.Tests.Support;

/// <summary>The core's assessment service over the harness's LLM assessor, with an in-memory store.</summary>
public static class AssessPipeline
{
    public static AssessmentService Over(LlmHarness llm, InMemoryAssessmentStore store, AssessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(llm);
        return new AssessmentService(
            llm.Assessor,
            new OfflineAssessor(new FakeTimeProvider(TestArticles.Now)),
            store,
            new NoArticleStore(),
            new NoPages(),
            options ?? new AssessOptions(),
            NullLogger<AssessmentService>.Instance);
    }

    /// <summary>Scoring reads and writes no article: any use of the store here is a bug worth a loud failure.</summary>
    private sealed class NoArticleStore : IArticleStore
    {
        public Task<IReadOnlyList<Article>> AddNewAsync(IReadOnlyList<NewArticle> articles, CancellationToken ct) => throw Unexpected();

        public Task<IReadOnlyList<Article>> AddNewAsync(
            IReadOnlyList<NewArticle> articles, Func<Article, CancellationToken, ValueTask<long>> storyOf, CancellationToken ct) => throw Unexpected();

        public Task<IReadOnlyList<Article>> GetSinceAsync(DateTimeOffset since, CancellationToken ct) => throw Unexpected();

        public Task<IReadOnlyList<Article>> GetByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken ct) => throw Unexpected();

        public Task<IReadOnlyList<Article>> SearchAsync(string query, int limit, CancellationToken ct) => throw Unexpected();

        public Task AssignStoryAsync(long articleId, long storyId, CancellationToken ct) => throw Unexpected();

        public Task UpdateFromPageAsync(long articleId, string? text, DateTimeOffset? publishedAt, CancellationToken ct) => throw Unexpected();

        private static InvalidOperationException Unexpected() => new("Assessing articles should not touch the article store.");
    }

    private sealed class NoPages : IPageTextSource
    {
        public Task<PageText?> GetPageAsync(string url, CancellationToken ct) => Task.FromResult<PageText?>(null);
    }
}
