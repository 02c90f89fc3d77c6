using System.Text.Json;
using Digest.Core.Assessing;
using Digest.Llm.Tests.Support;
using Digest.TestKit.OpenAi;

namespace Digest.Llm.Tests.Scoring;

/// <summary>How many scoring calls the core's assessment makes through the LLM assessor, over real HTTP to the fake.</summary>
public sealed class AssessmentCallsTests
{
    [Fact]
    public async Task Sixty_articles_go_out_as_three_calls_of_at_most_twenty_five()
    {
        await using var llm = await LlmHarness.StartAsync();
        var store = new InMemoryAssessmentStore();
        var articles = TestArticles.Batch(60);

        var report = await AssessPipeline.Over(llm, store).AssessAsync(articles, null, CancellationToken.None);

        Assert.Equal(new AssessReport(3, 60, 0), report);
        Assert.Equal(3, llm.Server.Calls("score"));
        Assert.Equal([10, 25, 25], llm.Server.Requests.Select(r => IdsSent(r).Count).Order());
        Assert.Equal(articles.Select(a => a.Id), llm.Server.Requests.SelectMany(IdsSent).Order());
    }

    [Fact]
    public async Task One_keyword_answers_are_used_in_one_call_per_batch_and_topped_up_to_two_keywords()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.DefaultMode = FakeOpenAiMode.OneKeyword;
        var store = new InMemoryAssessmentStore();
        var articles = TestArticles.Batch(60);

        var report = await AssessPipeline.Over(llm, store).AssessAsync(articles, null, CancellationToken.None);

        // Every article by the LLM, none asked again and none left to the offline assessor.
        Assert.Equal(new AssessReport(3, 60, 0), report);
        Assert.Equal(3, llm.Server.Calls("score"));
        var assessed = store.All;
        Assert.Equal(60, assessed.Count);
        Assert.All(assessed, a =>
        {
            Assert.Equal(LlmHarness.Model, a.ModelId);
            Assert.InRange(a.Keywords.Count, 2, 4);
            Assert.Equal(a.Keywords.Count, a.Keywords.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Equal($"topic {a.ArticleId}", a.Keywords[0]);
        });
        // The fake really gave one keyword to half of them: those keep it first and gain one from the text.
        var topped = assessed.Where(a => FakeAnswers.GetsOneKeyword(a.ArticleId)).ToList();
        Assert.Equal(30, topped.Count);
        var article = articles.ToDictionary(a => a.Id);
        Assert.All(topped, a => Assert.NotEqual(FakeAnswers.Score(a.ArticleId, article[a.ArticleId].Title).Keywords, a.Keywords));
    }

    [Fact]
    public async Task Assessing_the_same_articles_again_makes_no_scoring_call()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.DefaultMode = FakeOpenAiMode.OneKeyword;
        var store = new InMemoryAssessmentStore();
        var assessment = AssessPipeline.Over(llm, store);
        var articles = TestArticles.Batch(60);
        await assessment.AssessAsync(articles, null, CancellationToken.None);
        var first = store.All;

        var again = await assessment.AssessAsync(articles, null, CancellationToken.None);

        Assert.Equal(new AssessReport(0, 0, 0), again);
        Assert.Equal(3, llm.Server.Calls("score"));
        Assert.Equal(first, store.All);
    }

    [Fact]
    public async Task A_batch_larger_than_the_schemas_default_gets_room_for_an_item_per_article()
    {
        await using var llm = await LlmHarness.StartAsync();
        var store = new InMemoryAssessmentStore();

        var report = await AssessPipeline.Over(llm, store, new AssessOptions { BatchSize = 40 }).AssessAsync(TestArticles.Batch(40), null, CancellationToken.None);

        Assert.Equal(new AssessReport(1, 40, 0), report);
        var request = Assert.Single(llm.Server.Requests);
        Assert.Equal(40, ItemList(request).GetProperty("maxItems").GetInt32());
    }

    internal static JsonElement ItemList(FakeOpenAiRequest request)
    {
        using var format = JsonDocument.Parse(request.ResponseFormat!);
        return format.RootElement.GetProperty("json_schema").GetProperty("schema").GetProperty("properties").GetProperty("items").Clone();
    }

    private static List<long> IdsSent(FakeOpenAiRequest request)
    {
        using var data = JsonDocument.Parse(FakeAnswers.DataBlock(request.UserMessage)!);
        return data.RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToList();
    }
}
