using Digest.Core.Conversation.Asking;
using Digest.Core.Conversation.Memory;
using Digest.Storage.Articles;
using Microsoft.Extensions.Logging.Abstractions;
using static Digest.Storage.Tests.Asking.AskingData;

namespace Digest.Storage.Tests.Asking;

public sealed class QuestionServiceTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly (string, string, int)[] Archive =
    [
        ("Rust compiler gets faster", "The Rust compiler builds crates 30% faster in release 2.0.", 2),
        ("Rust in the kernel", "Linux 7 accepts more Rust drivers.", 5),
    ];

    [Fact]
    public async Task A_question_the_archive_cannot_answer_gets_the_plain_message_without_asking_the_answerer()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (store, _) = await ArchiveAsync(test, Archive);
        var answerer = new Scripted(new Answer("Made up [1].", [1], true));

        var reply = await Service(store, answerer).AskAsync("What is quantum networking?", AskFocus.None, "en", Ct);

        Assert.Equal("I couldn't find that in the articles.", reply.Text);
        Assert.False(reply.Found);
        Assert.Empty(reply.Sources);
        Assert.Equal(0, answerer.Calls);
    }

    [Fact]
    public async Task Answers_cite_only_retrieved_articles()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (store, a) = await ArchiveAsync(test, Archive);
        var answerer = new Scripted(new Answer("It is 30% faster [1]. Kernels too [2][4]. Says a blog [7].", [1, 2, 4, 7], true));

        var reply = await Service(store, answerer).AskAsync("How fast is the Rust compiler?", AskFocus.None, "en", Ct);

        Assert.True(reply.Found);
        Assert.Equal("It is 30% faster [1]. Kernels too [2]. Says a blog.", reply.Text);
        Assert.Equal([(1, a[0].Id, a[0].CanonicalUrl), (2, a[1].Id, a[1].CanonicalUrl)], reply.Sources.Select(s => (s.Number, s.ArticleId, s.Url)));
        Assert.Equal("scripted", reply.ModelId);
    }

    [Fact]
    public async Task An_answer_that_cites_no_retrieved_article_is_replaced_by_the_offline_one()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (store, a) = await ArchiveAsync(test, Archive);

        var reply = await Service(store, new Scripted(new Answer("Trust me [9].", [9], true))).AskAsync("rust compiler speed", AskFocus.None, "en", Ct);

        Assert.Equal(OfflineAnswerer.ModelName, reply.ModelId);
        Assert.StartsWith("[1] Rust compiler gets faster — The Rust compiler builds crates 30% faster", reply.Text, StringComparison.Ordinal);
        Assert.Equal(a[0].Id, reply.Sources[0].ArticleId);
    }

    [Fact]
    public async Task A_failing_answerer_falls_back_to_the_offline_answer()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (store, _) = await ArchiveAsync(test, Archive);

        var reply = await Service(store, new Scripted(null)).AskAsync("rust kernel drivers", AskFocus.None, "en", Ct);

        Assert.Equal(OfflineAnswerer.ModelName, reply.ModelId);
        Assert.True(reply.Found);
        Assert.StartsWith("[1] Rust in the kernel — Linux 7 accepts more Rust drivers.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_by_the_answerer_says_so_and_links_the_closest_articles()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (store, a) = await ArchiveAsync(test, Archive);

        var reply = await Service(store, new Scripted(new Answer("", [], false))).AskAsync("Who maintains Rust?", AskFocus.None, "en", Ct);

        Assert.False(reply.Found);
        Assert.Equal(AnswerReply.NotFoundText, reply.Text);
        Assert.Equal(a.OrderByDescending(x => x.PublishedAt).Select(x => x.Id), reply.Sources.Select(s => s.ArticleId));
    }

    [Fact]
    public async Task Offline_alone_answers_from_the_chats_edition_first()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (store, a) = await ArchiveAsync(test, Archive);
        var offline = new OfflineAnswerer();
        var service = new QuestionService(offline, offline, new Retrieval(store), NullLogger<QuestionService>.Instance);

        var reply = await service.AskAsync("/ask rust", new AskFocus([Item(a[1], 1)]), "en", Ct);

        Assert.Equal(a[1].Id, reply.Sources[0].ArticleId);
        Assert.StartsWith("[1] Rust in the kernel", reply.Text, StringComparison.Ordinal);
    }

    private static QuestionService Service(SqliteArticleStore store, IAnswerer answerer) =>
        new(answerer, new OfflineAnswerer(), new Retrieval(store), NullLogger<QuestionService>.Instance);

    /// <summary>Answers with the scripted answer, or throws when there is none, as a failing LLM would.</summary>
    private sealed class Scripted(Answer? answer) : IAnswerer
    {
        public int Calls { get; private set; }

        public string ModelId => "scripted";

        public Task<Answer> AnswerAsync(string question, IReadOnlyList<Source> sources, IReadOnlyList<ChatTurn> earlier, string language, CancellationToken ct)
        {
            Calls++;
            return answer is null ? throw new HttpRequestException("503 from the fake") : Task.FromResult(answer);
        }
    }
}
