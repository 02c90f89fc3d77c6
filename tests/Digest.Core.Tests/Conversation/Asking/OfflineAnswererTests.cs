using Digest.Core.Conversation.Asking;

namespace Digest.Core.Tests.Conversation.Asking;

public sealed class OfflineAnswererTests
{
    private static readonly OfflineAnswerer Answerer = new();

    private static readonly IReadOnlyList<Source> Sources =
    [
        Source(1, "Go 1.30 released", "Go 1.30 brings a new garbage collector. Builds are smaller."),
        Source(2, "Rust compiler news", "The team met in Berlin. The Rust compiler now builds crates 30% faster. Incremental builds got faster too."),
        Source(3, "Compilers compared", "We compared compilers. The Rust compiler was the slowest to start."),
        Source(4, "Gardening", "Tomatoes like the sun."),
    ];

    [Fact]
    public async Task The_answer_quotes_the_best_matching_sentences_with_the_numbered_title()
    {
        var answer = await Answerer.AnswerAsync("How fast is the Rust compiler?", Sources, [], "en", CancellationToken.None);

        Assert.True(answer.Found);
        var lines = answer.Text.Split('\n');
        Assert.Equal("[2] Rust compiler news — The Rust compiler now builds crates 30% faster.", lines[0]);
        Assert.Equal("[3] Compilers compared — We compared compilers. The Rust compiler was the slowest to start.", lines[1]);
        Assert.Equal([2, 3], answer.Cited);
    }

    [Fact]
    public async Task At_most_three_sources_answer()
    {
        IReadOnlyList<Source> many = [.. Enumerable.Range(1, 5).Select(n => Source(n, $"Kernel note {n}", "The kernel scheduler changed."))];

        var answer = await Answerer.AnswerAsync("kernel scheduler", many, [], "en", CancellationToken.None);

        Assert.Equal([1, 2, 3], answer.Cited);
    }

    [Fact]
    public async Task Nothing_sharing_a_word_with_the_question_is_not_found()
    {
        var answer = await Answerer.AnswerAsync("What about quantum networking?", Sources, [], "en", CancellationToken.None);

        Assert.False(answer.Found);
        Assert.Equal(AnswerReply.NotFoundText, answer.Text);
        Assert.Empty(answer.Cited);
    }

    [Fact]
    public async Task A_question_without_a_subject_about_a_pointed_article_gets_its_opening()
    {
        var answer = await Answerer.AnswerAsync("#2 tell me more", [Sources[1]], [], "en", CancellationToken.None);

        Assert.True(answer.Found);
        Assert.Equal("[2] Rust compiler news — The team met in Berlin. The Rust compiler now builds crates 30% faster.", answer.Text);
    }

    [Fact]
    public async Task A_title_match_alone_shows_the_excerpt_opening()
    {
        var answer = await Answerer.AnswerAsync("gardening", Sources, [], "en", CancellationToken.None);

        Assert.Equal("[4] Gardening — Tomatoes like the sun.", answer.Text);
    }

    private static Source Source(int number, string title, string text) =>
        new(number, 100 + number, title, $"https://example.com/{number}", "example.com", null, text);
}
