using System.Text.Json;
using Digest.Core.Articles;
using Digest.Llm.Tests.Support;
using Digest.TestKit.OpenAi;

namespace Digest.Llm.Tests.Scoring;

public sealed class ScoringTests
{
    [Fact]
    public async Task Valid_answers_assess_every_article_with_the_model_prompt_version_and_clock()
    {
        await using var llm = await LlmHarness.StartAsync();
        var batch = TestArticles.Batch(4);

        var result = await llm.Assessor.ScoreAsync(batch, CancellationToken.None);

        Assert.Equal(batch.Select(a => a.Id), result.Select(a => a.ArticleId));
        foreach (var (article, assessment) in batch.Zip(result))
        {
            var expected = FakeAnswers.Score(article.Id, article.Title);
            Assert.Equal(expected.Relevance, assessment.Relevance);
            Assert.Equal(expected.Quality, assessment.Quality);
            Assert.Equal(expected.Timeliness, assessment.Timeliness);
            Assert.Equal(expected.Category, assessment.Category.Slug());
            Assert.Equal(expected.Keywords, assessment.Keywords);
            Assert.Equal(LlmHarness.Model, assessment.ModelId);
            Assert.Equal("score-v1+writeup-v1", assessment.PromptVersion);
            Assert.Equal(TestArticles.Now, assessment.AssessedAt);
        }
        Assert.Equal(llm.Assessor.PromptVersion, result[0].PromptVersion);
        Assert.Equal(1, llm.Server.Calls("score"));
    }

    [Fact]
    public async Task Each_call_records_its_tokens_in_the_usage_log()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.PromptTokens = 321;
        llm.Server.CompletionTokens = 54;

        await llm.Assessor.ScoreAsync(TestArticles.Batch(2), CancellationToken.None);

        var record = Assert.Single(llm.Usage.Records);
        Assert.Equal((LlmHarness.Model, "score", 321, 54, true), (record.ModelId, record.Purpose, record.PromptTokens, record.CompletionTokens, record.Succeeded));
        Assert.Equal(TestArticles.Now, record.At);
    }

    [Fact]
    public async Task The_request_asks_for_a_strict_json_schema_and_sends_the_key()
    {
        await using var llm = await LlmHarness.StartAsync();

        await llm.Assessor.ScoreAsync(TestArticles.Batch(1), CancellationToken.None);

        var request = Assert.Single(llm.Server.Requests);
        Assert.Equal(LlmHarness.Model, request.Model);
        Assert.Equal($"Bearer {LlmHarness.ApiKey}", request.Authorization);
        using var format = JsonDocument.Parse(request.ResponseFormat!);
        Assert.Equal("json_schema", format.RootElement.GetProperty("type").GetString());
        var schema = format.RootElement.GetProperty("json_schema");
        Assert.True(schema.GetProperty("strict").GetBoolean());
        var category = schema.GetProperty("schema").GetProperty("properties").GetProperty("items").GetProperty("items")
            .GetProperty("properties").GetProperty("category").GetProperty("enum");
        Assert.Equal(Categories.All.Select(c => c.Slug()), category.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Junk_once_then_valid_assesses_every_article_in_exactly_two_calls()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.Junk);

        var result = await llm.Assessor.ScoreAsync(TestArticles.Batch(3), CancellationToken.None);

        Assert.Equal(3, result.Count);
        Assert.Equal(2, llm.Server.Calls("score"));
        Assert.Equal([false, true], llm.Usage.Records.Select(r => r.Succeeded));
    }

    [Fact]
    public async Task Junk_twice_throws_so_the_core_assesses_the_batch_offline()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.DefaultMode = FakeOpenAiMode.Junk;

        await Assert.ThrowsAsync<LlmAnswerException>(() => llm.Assessor.ScoreAsync(TestArticles.Batch(3), CancellationToken.None));

        Assert.Equal(2, llm.Server.Calls("score"));
        Assert.Equal(2, llm.Usage.Records.Count(r => !r.Succeeded));
    }

    [Fact]
    public async Task Partially_valid_answers_ask_again_only_for_the_rest_and_keep_what_was_valid()
    {
        await using var llm = await LlmHarness.StartAsync();
        // First answer: article 1 missing, article 2 out of range. Second answer, for 1 and 2 only: both invalid again.
        llm.Server.Enqueue(FakeOpenAiMode.PartiallyValid, FakeOpenAiMode.PartiallyValid);

        var result = await llm.Assessor.ScoreAsync(TestArticles.Batch(5), CancellationToken.None);

        Assert.Equal([3L, 4L, 5L], result.Select(a => a.ArticleId));
        Assert.Equal(2, llm.Server.Calls("score"));
        Assert.Equal([1L, 2L], IdsSent(llm.Server.Requests[1]));
    }

    [Fact]
    public async Task Partially_valid_then_valid_assesses_every_article()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.PartiallyValid);

        var result = await llm.Assessor.ScoreAsync(TestArticles.Batch(5), CancellationToken.None);

        Assert.Equal([1L, 2L, 3L, 4L, 5L], result.Select(a => a.ArticleId));
        Assert.Equal(2, llm.Server.Calls("score"));
    }

    [Fact]
    public async Task A_failing_retry_keeps_the_valid_items_of_the_first_answer()
    {
        await using var llm = await LlmHarness.StartAsync(new Dictionary<string, string?> { ["Llm:MaxRetries"] = "0" });
        llm.Server.Enqueue(FakeOpenAiMode.PartiallyValid, FakeOpenAiMode.ServerError);

        var result = await llm.Assessor.ScoreAsync(TestArticles.Batch(4), CancellationToken.None);

        Assert.Equal([3L, 4L], result.Select(a => a.ArticleId));
    }

    [Fact]
    public async Task Only_the_start_of_a_long_text_is_sent()
    {
        await using var llm = await LlmHarness.StartAsync();
        var text = string.Join(' ', Enumerable.Repeat("word", 2_000)) + " TAIL-MARKER";

        await llm.Assessor.ScoreAsync([TestArticles.Make(1, text: text)], CancellationToken.None);

        var sent = Assert.Single(llm.Server.Requests).UserMessage;
        Assert.DoesNotContain("TAIL-MARKER", sent, StringComparison.Ordinal);
        Assert.InRange(sent.Length, 1_500, 2_200);
    }

    private static List<long> IdsSent(FakeOpenAiRequest request)
    {
        using var data = JsonDocument.Parse(FakeAnswers.DataBlock(request.UserMessage)!);
        return data.RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToList();
    }
}
