using Digest.Storage.Articles;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Articles;

public sealed class ArticleDedupeTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Same_url_is_stored_once_across_calls()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);

        var first = await store.AddNewAsync([Article("https://a.example/1", title: "First")], Ct);
        var second = await store.AddNewAsync([Article("https://a.example/1", title: "Again"), Article("https://a.example/2")], Ct);

        Assert.Single(first);
        Assert.Equal(["https://a.example/2"], second.Select(a => a.CanonicalUrl));
        Assert.Equal("First", (await store.GetByIdsAsync([first[0].Id], Ct)).Single().Title);
    }

    [Fact]
    public async Task Same_guid_from_the_same_feed_is_the_same_article_under_another_url()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);

        await store.AddNewAsync([Article("https://a.example/old-slug", guid: "post-42")], Ct);
        var again = await store.AddNewAsync([Article("https://a.example/new-slug", guid: "post-42")], Ct);
        var otherFeed = await store.AddNewAsync([Article("https://b.example/x", guid: "post-42", feed: "https://b.example/feed")], Ct);

        Assert.Empty(again);
        Assert.Single(otherFeed);
    }

    [Fact]
    public async Task Articles_without_guid_are_told_apart_by_url_only()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);

        var added = await store.AddNewAsync(
            [Article("https://a.example/1"), Article("https://a.example/2", guid: ""), Article("https://a.example/3", guid: " ")], Ct);

        Assert.Equal(3, added.Count);
        Assert.All(added, a => Assert.Null(a.Guid));
    }

    [Fact]
    public async Task Duplicates_within_one_batch_are_stored_once()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);

        var added = await store.AddNewAsync(
        [
            Article("https://a.example/1", guid: "g1"),
            Article("https://a.example/1", guid: "g2"),
            Article("https://a.example/other", guid: "g1"),
            Article("https://a.example/3"),
        ], Ct);

        Assert.Equal(["https://a.example/1", "https://a.example/3"], added.Select(a => a.CanonicalUrl));
    }

    [Fact]
    public async Task New_articles_come_back_with_ids_as_their_own_story_and_as_stored()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);

        var added = await store.AddNewAsync([Article("https://a.example/1", guid: "g"), Article("https://a.example/2")], Ct);

        Assert.All(added, a => Assert.Equal(a.Id, a.StoryId));
        Assert.NotEqual(added[0].Id, added[1].Id);
        Assert.Equal(added, await store.GetByIdsAsync(added.Select(a => a.Id).ToList(), Ct));
    }

    [Fact]
    public async Task An_article_can_join_another_story()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);
        var added = await store.AddNewAsync([Article("https://a.example/1"), Article("https://b.example/1")], Ct);

        await store.AssignStoryAsync(added[1].Id, added[0].Id, Ct);

        Assert.All(await store.GetByIdsAsync([added[0].Id, added[1].Id], Ct), a => Assert.Equal(added[0].Id, a.StoryId));
    }

    [Fact]
    public async Task Articles_since_a_time_are_those_published_then_or_later_newest_first()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);
        await store.AddNewAsync(
        [
            Article("https://a.example/old", published: Now.AddDays(-3)),
            Article("https://a.example/edge", published: Now.AddDays(-1)),
            Article("https://a.example/new", published: Now.AddHours(-1)),
        ], Ct);

        var since = await store.GetSinceAsync(Now.AddDays(-1), Ct);

        Assert.Equal(["https://a.example/new", "https://a.example/edge"], since.Select(a => a.CanonicalUrl));
    }
}
