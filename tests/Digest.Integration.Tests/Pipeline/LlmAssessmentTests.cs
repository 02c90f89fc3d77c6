using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Editions;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.TestKit.OpenAi;

namespace Digest.Integration.Tests.Pipeline;

public sealed class LlmAssessmentTests
{
    private const string Model = "fake-model";
    private const string OfflineNotice = "Assessed offline";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Schema_valid_answers_give_an_edition_with_the_llm_scores_write_ups_and_highlights_and_record_the_tokens()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var ct = guard.Token;
        await using var llm = await FakeOpenAiServer.StartAsync();
        await using var run = await PipelineRun.CollectAsync(GoldenFixtures.Feeds, PipelineSettings.WithLlm(llm, Generous, maxRetries: 1), ct);

        var (edition, markdown) = await run.ComposeAsync(ct);

        Assert.False(edition.AssessedOffline);
        Assert.DoesNotContain(OfflineNotice, markdown, StringComparison.Ordinal);
        Assert.Equal(GoldenFixtures.InWindow.Count(), edition.Items.Count);
        AssertScoredByTheFake(edition);
        Assert.All(edition.Items, item => Assert.Equal(FakeAnswers.WriteupSummary(item.Title), item.Summary));
        Assert.Equal(FakeAnswers.HighlightsParagraph(edition.Items.Count), edition.Highlights);
        Assert.Equal(1, llm.Calls("score"));
        Assert.Equal(edition.Items.Count, llm.Calls("writeup"));
        Assert.Equal(1, llm.Calls("highlights"));

        var usage = await run.App.Get<ILlmUsageLog>().GetTotalsAsync(ct);
        Assert.Equal(llm.TotalCalls, usage.Calls);
        Assert.Equal(llm.TotalCalls * (long)llm.PromptTokens, usage.PromptTokens);
        Assert.Equal(llm.TotalCalls * (long)llm.CompletionTokens, usage.CompletionTokens);
    }

    [Fact]
    public async Task Assessing_the_same_articles_again_makes_no_new_scoring_calls_and_a_second_edition_no_new_write_ups()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var ct = guard.Token;
        await using var llm = await FakeOpenAiServer.StartAsync();
        await using var run = await PipelineRun.CollectAsync(GoldenFixtures.Feeds, PipelineSettings.WithLlm(llm, Generous, maxRetries: 1), ct);
        var (first, _) = await run.ComposeAsync(ct);
        var scoring = llm.Calls("score");
        var writeups = llm.Calls("writeup");
        Assert.Equal(1, scoring);

        var articles = await run.App.Get<IArticleStore>().GetSinceAsync(run.Report.StartedAt.AddDays(-2), ct);
        var again = await run.App.Get<AssessmentService>().AssessAsync(articles, null, ct);
        var (second, _) = await run.ComposeAsync(ct);

        Assert.Equal(new AssessReport(0, 0, 0), again);
        Assert.Equal(scoring, llm.Calls("score"));
        Assert.Equal(writeups, llm.Calls("writeup"));
        Assert.Equal(first.Items.Select(i => (i.ArticleId, i.Total, i.Summary)), second.Items.Select(i => (i.ArticleId, i.Total, i.Summary)));
    }

    [Fact]
    public async Task Junk_on_every_call_still_gives_an_edition_assessed_offline()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var ct = guard.Token;
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.DefaultMode = FakeOpenAiMode.Junk;
        await using var run = await PipelineRun.CollectAsync(GoldenFixtures.Feeds, PipelineSettings.WithLlm(llm, Generous, maxRetries: 1), ct);

        var (edition, markdown) = await run.ComposeAsync(ct);

        await AssertOfflineEditionAsync(run, edition, markdown, ct);
        // Junk is asked again once, then the batch and the highlights go offline; offline scores get offline write-ups.
        Assert.Equal(2, llm.Calls("score"));
        Assert.Equal(2, llm.Calls("highlights"));
        Assert.Equal(0, llm.Calls("writeup"));
        var usage = await run.App.Get<ILlmUsageLog>().GetTotalsAsync(ct);
        Assert.Equal(llm.TotalCalls, usage.Calls);
    }

    [Fact]
    public async Task A_429_with_retry_after_then_valid_answers_gives_an_edition_from_the_llm()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var ct = guard.Token;
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Enqueue(FakeOpenAiMode.RateLimited(1));
        await using var run = await PipelineRun.CollectAsync(GoldenFixtures.Feeds, PipelineSettings.WithLlm(llm, Generous, maxRetries: 1), ct);

        var (edition, markdown) = await run.ComposeAsync(ct);

        Assert.False(edition.AssessedOffline);
        Assert.DoesNotContain(OfflineNotice, markdown, StringComparison.Ordinal);
        AssertScoredByTheFake(edition);
        var scoring = llm.Requests.Where(r => r.Purpose == "score").Select(r => r.Mode.Behaviour);
        Assert.Equal([FakeOpenAiBehaviour.RateLimited, FakeOpenAiBehaviour.Valid], scoring);
        Assert.Equal(FakeAnswers.HighlightsParagraph(edition.Items.Count), edition.Highlights);
    }

    [Fact]
    public async Task A_server_error_on_every_call_gives_an_edition_assessed_offline_after_the_retries()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var ct = guard.Token;
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.DefaultMode = FakeOpenAiMode.ServerError;
        await using var run = await PipelineRun.CollectAsync(GoldenFixtures.Feeds, PipelineSettings.WithLlm(llm, Generous, maxRetries: 2), ct);

        var (edition, markdown) = await run.ComposeAsync(ct);

        await AssertOfflineEditionAsync(run, edition, markdown, ct);
        Assert.Equal(3, llm.Calls("score"));
        Assert.Equal(3, llm.Calls("highlights"));
        Assert.Equal(0, llm.Calls("writeup"));
    }

    [Fact]
    public async Task A_hanging_server_gives_an_edition_assessed_offline_after_the_timeouts()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var ct = guard.Token;
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.DefaultMode = FakeOpenAiMode.Hang;
        await using var run = await PipelineRun.CollectAsync(GoldenFixtures.Feeds, PipelineSettings.WithLlm(llm, TimeSpan.FromSeconds(1), maxRetries: 1), ct);

        var (edition, markdown) = await run.ComposeAsync(ct);

        await AssertOfflineEditionAsync(run, edition, markdown, ct);
        // Each call timed out and was tried once more: two attempts for the scores, two for the highlights.
        Assert.Equal(2, llm.Calls("score"));
        Assert.Equal(2, llm.Calls("highlights"));
        Assert.All(llm.Requests, r => Assert.Equal(FakeOpenAiBehaviour.Hang, r.Mode.Behaviour));
    }

    /// <summary>Every item carries the fake's scores for its id and title (a pure function, see <see cref="FakeAnswers.Score"/>).</summary>
    private static void AssertScoredByTheFake(Edition edition)
    {
        Assert.NotEmpty(edition.Items);
        Assert.All(edition.Items, item =>
        {
            var expected = FakeAnswers.Score(item.ArticleId, item.Title);
            Assert.Equal((expected.Relevance, expected.Quality, expected.Timeliness), (item.Relevance, item.Quality, item.Timeliness));
            Assert.Equal(expected.Category, item.Category.Slug());
            Assert.Contains($"topic {item.ArticleId}", item.Keywords);
        });
    }

    /// <summary>An edition of every article in the window, marked offline, every assessment by the offline assessor.</summary>
    private static async Task AssertOfflineEditionAsync(PipelineRun run, Edition edition, string markdown, CancellationToken ct)
    {
        Assert.True(edition.AssessedOffline);
        Assert.Contains(OfflineNotice, markdown, StringComparison.Ordinal);
        Assert.Equal(GoldenFixtures.InWindow.Count(), edition.Items.Count);
        Assert.StartsWith("Today's digest picks", edition.Highlights, StringComparison.Ordinal);
        var assessments = await run.App.Get<IAssessmentStore>().GetAsync(edition.Items.Select(i => i.ArticleId).ToList(), Model, ct);
        Assert.Equal(edition.Items.Count, assessments.Count);
        Assert.All(assessments.Values, a => Assert.True(a.IsOffline, $"article {a.ArticleId} was assessed by {a.ModelId}"));
    }
}
