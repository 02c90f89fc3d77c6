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
            Assert.Equal("score-v3+writeup-v2", assessment.PromptVersion);
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
        Assert.True(format.RootElement.GetProperty("json_schema").GetProperty("strict").GetBoolean());
    }

    [Fact]
    public async Task The_schema_sent_states_every_constraint_the_answer_is_checked_against()
    {
        await using var llm = await LlmHarness.StartAsync();

        await llm.Assessor.ScoreAsync(TestArticles.Batch(3), CancellationToken.None);

        var items = AssessmentCallsTests.ItemList(Assert.Single(llm.Server.Requests));
        Assert.Equal((1, 25), (items.GetProperty("minItems").GetInt32(), items.GetProperty("maxItems").GetInt32()));
        var item = items.GetProperty("items").GetProperty("properties");
        foreach (var score in (string[])["relevance", "quality", "timeliness"])
        {
            var range = item.GetProperty(score);
            Assert.Equal(("integer", 1, 10), (range.GetProperty("type").GetString(), range.GetProperty("minimum").GetInt32(), range.GetProperty("maximum").GetInt32()));
        }
        Assert.Equal(Categories.All.Select(c => c.Slug()), item.GetProperty("category").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var keywords = item.GetProperty("keywords");
        Assert.Equal((1, 4), (keywords.GetProperty("minItems").GetInt32(), keywords.GetProperty("maxItems").GetInt32()));
        // No maxLength: OpenAI's strict mode does not list it among the keywords it accepts; the reader caps keywords itself.
        Assert.Equal("string", keywords.GetProperty("items").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_system_prompt_is_the_compact_one()
    {
        await using var llm = await LlmHarness.StartAsync();

        await llm.Assessor.ScoreAsync(TestArticles.Batch(1), CancellationToken.None);

        var system = Assert.Single(llm.Server.Requests).SystemPrompt;
        Assert.StartsWith("Task: score\n", system, StringComparison.Ordinal);
        // score-v1 took 2,018 characters, and most of a small batch's prompt tokens.
        Assert.InRange(system.Length, 600, 1_010);
        Assert.All(Categories.All, c => Assert.Contains(c.Slug(), system, StringComparison.Ordinal));
        Assert.Contains("lede", system, StringComparison.Ordinal);
        Assert.DoesNotContain("\"relevance\":", system, StringComparison.Ordinal);
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
    public async Task Each_article_is_sent_as_title_source_and_a_lede_of_at_most_400_characters_never_the_rest()
    {
        await using var llm = await LlmHarness.StartAsync();
        var opening = "The new planner picks join orders from table statistics. It cuts the median query time by a third.";
        var text = opening + "\n" + string.Join(' ', Enumerable.Repeat("More detail follows here.", 200)) + " TAIL-MARKER";
        var batch = Enumerable.Range(1, 25).Select(i => TestArticles.Make(i, text: text)).ToList();

        await llm.Assessor.ScoreAsync(batch, CancellationToken.None);

        var sent = Assert.Single(llm.Server.Requests).UserMessage;
        Assert.DoesNotContain("TAIL-MARKER", sent, StringComparison.Ordinal);
        using var data = JsonDocument.Parse(FakeAnswers.DataBlock(sent)!);
        Assert.Equal(25, data.RootElement.GetArrayLength());
        foreach (var (item, article) in data.RootElement.EnumerateArray().Zip(batch))
        {
            Assert.Equal(["id", "title", "source", "lede"], item.EnumerateObject().Select(p => p.Name));
            Assert.Equal((article.Id, article.Title, article.Source), (item.GetProperty("id").GetInt64(), item.GetProperty("title").GetString(), item.GetProperty("source").GetString()));
            var lede = item.GetProperty("lede").GetString()!;
            Assert.InRange(lede.Length, opening.Length, 400);
            Assert.StartsWith(opening, lede, StringComparison.Ordinal);
        }
        // Twenty-five ledes and their titles, not twenty-five texts of 5,000 characters.
        Assert.InRange(sent.Length, 25 * opening.Length, 25 * 560);
    }

    [Fact]
    public async Task The_lede_sent_is_the_first_paragraph_without_a_line_repeating_the_title()
    {
        await using var llm = await LlmHarness.StartAsync();
        const string paragraph = "The new planner picks join orders from table statistics instead of fixed rules, "
            + "and on the TPC-H suite it cuts the median query time by a third, most of all for the slowest queries.";
        // A question ends like a sentence, so only the title tells this first line from the lede.
        var article = TestArticles.Make(1, "Does Postgres need a cost-based planner?", $"Does Postgres Need a Cost-Based Planner?\n{paragraph}\nThe caveats follow.");

        await llm.Assessor.ScoreAsync([article], CancellationToken.None);

        using var data = JsonDocument.Parse(FakeAnswers.DataBlock(Assert.Single(llm.Server.Requests).UserMessage)!);
        Assert.Equal(paragraph, data.RootElement[0].GetProperty("lede").GetString());
    }

    [Fact]
    public async Task A_model_that_gives_one_keyword_is_not_asked_again()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.DefaultMode = FakeOpenAiMode.OneKeyword;
        var batch = TestArticles.Batch(6);

        var result = await llm.Assessor.ScoreAsync(batch, CancellationToken.None);

        Assert.Equal(batch.Select(a => a.Id), result.Select(a => a.ArticleId));
        Assert.Equal(1, llm.Server.Calls("score"));
        Assert.All(result, a => Assert.Equal(FakeAnswers.GetsOneKeyword(a.ArticleId) ? 1 : 2, a.Keywords.Count));
    }

    private static List<long> IdsSent(FakeOpenAiRequest request)
    {
        using var data = JsonDocument.Parse(FakeAnswers.DataBlock(request.UserMessage)!);
        return data.RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToList();
    }
}
