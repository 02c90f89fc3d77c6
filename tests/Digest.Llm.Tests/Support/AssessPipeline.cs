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
            new NoArticleStore("Assessing articles"),
            new NoPages(),
            options ?? new AssessOptions(),
            NullLogger<AssessmentService>.Instance);
    }

    private sealed class NoPages : IPageTextSource
    {
        public Task<PageText?> GetPageAsync(string url, CancellationToken ct) => Task.FromResult<PageText?>(null);
    }
}
