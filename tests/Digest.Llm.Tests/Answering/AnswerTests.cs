using System.Text.Json;
using Digest.Core.Conversation.Asking;
using Digest.Llm.Tests.Support;
using Digest.TestKit.OpenAi;

namespace Digest.Llm.Tests.Answering;

public sealed class AnswerTests
{
    private const string Question = "How fast is the new Rust compiler?";

    private static readonly IReadOnlyList<Source> Sources =
    [
        new(1, 11, "Rust compiler gets faster", "https://example.com/rust", "example.com", TestArticles.Now.AddHours(-2),
            "The Rust compiler builds 30% faster in the new release."),
        new(2, 12, "Go 1.30 released", "https://example.com/go", "go.dev", null, "Go 1.30 brings a new garbage collector."),
    ];

    [Fact]
    public async Task An_answer_cites_the_retrieved_article_and_links_it_and_records_its_usage_as_answer()
    {
        await using var llm = await LlmHarness.StartAsync();

        var reply = await llm.Questions().AnswerAsync(Question, Sources, "en", CancellationToken.None);

        Assert.True(reply.Found);
        Assert.Equal(FakeAnswers.AnswerSentence(1, Sources[0].Title), reply.Text);
        var cited = Assert.Single(reply.Sources);
        Assert.Equal((1, 11L, "https://example.com/rust"), (cited.Number, cited.ArticleId, cited.Url));
        Assert.Equal(LlmHarness.Model, reply.ModelId);
        var request = Assert.Single(llm.Server.Requests);
        Assert.Equal("answer", request.Purpose);
        Assert.Contains("\"answer_answer\"", request.ResponseFormat, StringComparison.Ordinal);
        Assert.Equal("answer", Assert.Single(llm.Usage.Records).Purpose);
    }

    [Fact]
    public async Task The_question_and_the_numbered_sources_travel_as_data_in_the_language_asked()
    {
        await using var llm = await LlmHarness.StartAsync();

        await llm.Answerer.AnswerAsync(Question, Sources, [], "de", CancellationToken.None);

        var request = Assert.Single(llm.Server.Requests);
        Assert.Contains("Answer in German (de)", request.SystemPrompt, StringComparison.Ordinal);
        using var data = JsonDocument.Parse(FakeAnswers.DataBlock(request.UserMessage)!);
        Assert.Equal(Question, data.RootElement.GetProperty("question").GetString());
        var articles = data.RootElement.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal([1, 2], articles.Select(a => a.GetProperty("number").GetInt32()));
        Assert.Equal(Sources[0].Text, articles[0].GetProperty("excerpt").GetString());
        Assert.Equal("2025-03-04", articles[0].GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, articles[1].GetProperty("published").ValueKind);
    }

    [Fact]
    public async Task A_citation_of_a_source_that_was_not_retrieved_is_dropped_from_the_text_and_the_links()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.DefaultMode = FakeOpenAiMode.BadCitation;

        var raw = await llm.Answerer.AnswerAsync(Question, Sources, [], "en", CancellationToken.None);
        var reply = await llm.Questions().AnswerAsync(Question, Sources, "en", CancellationToken.None);

        Assert.Contains($"[{FakeAnswers.UnknownSource}]", raw.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"[{FakeAnswers.UnknownSource}]", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith(FakeAnswers.AnswerSentence(1, Sources[0].Title) + " It also cites a source it never saw.", reply.Text, StringComparison.Ordinal);
        Assert.Equal([1], reply.Sources.Select(s => s.Number));
    }

    [Fact]
    public async Task When_the_model_finds_no_answer_the_reply_says_so_plainly_and_links_the_closest_articles()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.DefaultMode = FakeOpenAiMode.NotFound;

        var reply = await llm.Questions().AnswerAsync(Question, Sources, "en", CancellationToken.None);

        Assert.False(reply.Found);
        Assert.Equal("I couldn't find that in the articles.", reply.Text);
        Assert.Equal([11L, 12L], reply.Sources.Select(s => s.ArticleId));
        Assert.Equal(1, llm.Server.Calls("answer"));
    }

    [Fact]
    public async Task Nothing_retrieved_spends_no_call()
    {
        await using var llm = await LlmHarness.StartAsync();

        var reply = await llm.Questions().AnswerAsync(Question, [], "en", CancellationToken.None);

        Assert.Equal(AnswerReply.NotFoundText, reply.Text);
        Assert.Empty(reply.Sources);
        Assert.Equal(0, llm.Server.TotalCalls);
    }

    [Fact]
    public async Task Junk_twice_falls_back_to_the_offline_answer_from_the_same_sources()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.DefaultMode = FakeOpenAiMode.Junk;

        var reply = await llm.Questions().AnswerAsync(Question, Sources, "en", CancellationToken.None);

        Assert.Equal(2, llm.Server.Calls("answer"));
        Assert.Equal(OfflineAnswerer.ModelName, reply.ModelId);
        Assert.True(reply.Found);
        Assert.StartsWith("[1] Rust compiler gets faster — The Rust compiler builds 30% faster", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_falls_back_to_the_offline_answer()
    {
        await using var llm = await LlmHarness.StartAsync(new Dictionary<string, string?> { ["Llm:MaxRetries"] = "0" });
        llm.Server.DefaultMode = FakeOpenAiMode.ServerError;

        var reply = await llm.Questions().AnswerAsync(Question, Sources, "en", CancellationToken.None);

        Assert.Equal(OfflineAnswerer.ModelName, reply.ModelId);
        Assert.Equal([1], reply.Sources.Select(s => s.Number));
    }
}
