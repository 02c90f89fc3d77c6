using Digest.Core.Conversation.Asking;
using static Digest.Storage.Tests.Asking.AskingData;

namespace Digest.Storage.Tests.Asking;

public sealed class RetrievalTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task The_pointed_article_comes_first_then_the_edition_then_the_archive_without_duplicates()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (store, a) = await ArchiveAsync(test,
            ("Archive: Rust compiler speed", "The Rust compiler got faster again.", 1),
            ("Edition: Rust in the kernel", "Rust drivers land in the Linux kernel.", 30),
            ("Edition: Go release", "Go ships a new garbage collector.", 30),
            ("Pointed: Gardening", "Tomatoes like the sun.", 50));
        var focus = new AskFocus([Item(a[2], 1), Item(a[1], 2)], ArticleId: a[3].Id);

        var sources = await new Retrieval(store).FindAsync("What about Rust?", focus, Ct);

        Assert.Equal([a[3].Id, a[1].Id, a[0].Id], sources.Select(s => s.ArticleId));
        Assert.Equal([1, 2, 3], sources.Select(s => s.Number));
        Assert.Equal(("Edition: Rust in the kernel", "https://a.example/1", "example.com"), (sources[1].Title, sources[1].Url, sources[1].SourceName));
    }

    [Fact]
    public async Task Archive_hits_that_match_equally_come_recent_first_and_at_most_five()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (store, a) = await ArchiveAsync(test, [.. Enumerable.Range(0, 7).Select(i => ($"Kubernetes note {i}", "Kubernetes operators again.", 10 - i))]);

        var sources = await new Retrieval(store).FindAsync("kubernetes operators", AskFocus.None, Ct);

        Assert.Equal(a.OrderByDescending(x => x.PublishedAt).Take(Retrieval.MaxSources).Select(x => x.Id), sources.Select(s => s.ArticleId));
    }

    [Fact]
    public async Task When_no_article_has_every_word_one_matching_more_of_them_beats_a_newer_one()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (store, a) = await ArchiveAsync(test,
            ("Rust weekly", "A new Rust release.", 1),
            ("Compiler deep dive", "How the Rust compiler does borrow checking.", 20));

        var sources = await new Retrieval(store).FindAsync("rust compiler borrow checking lifetimes", AskFocus.None, Ct);

        Assert.Equal([a[1].Id, a[0].Id], sources.Select(s => s.ArticleId));
    }

    [Fact]
    public async Task Edition_articles_that_do_not_match_and_a_question_the_archive_cannot_answer_give_nothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (store, a) = await ArchiveAsync(test, ("Go release", "Go ships a new garbage collector.", 2));

        var sources = await new Retrieval(store).FindAsync("What is quantum networking?", new AskFocus([Item(a[0], 1)]), Ct);

        Assert.Empty(sources);
    }

    [Fact]
    public async Task The_excerpt_is_the_text_around_the_matching_sentence_within_the_limit()
    {
        await using var test = await TestDatabase.CreateAsync();
        var filler = string.Join(' ', Enumerable.Range(1, 200).Select(i => $"Filler sentence number {i} says little."));
        var (store, _) = await ArchiveAsync(test, ("Weekly notes", filler + " The Postgres planner now reorders joins. " + filler, 3));

        var source = Assert.Single(await new Retrieval(store).FindAsync("postgres planner", AskFocus.None, Ct));

        Assert.Contains("Filler sentence number 200 says little. The Postgres planner now reorders joins. Filler sentence number 1 says little.", source.Text, StringComparison.Ordinal);
        Assert.InRange(source.Text.Length, 1, Retrieval.MaxExcerpt);
        Assert.StartsWith("…", source.Text, StringComparison.Ordinal);
    }
}
