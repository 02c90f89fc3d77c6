using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Storage.Articles;
using Digest.Storage.Delivery;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Delivery;

public sealed class SentArticlesTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task What_a_delivery_showed_is_remembered_per_subscriber_with_its_story_as_it_is_now()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 2);
        var articles = new SqliteArticleStore(test.Db);
        var stored = await articles.AddNewAsync([Article("https://a.example/1"), Article("https://b.example/2"), Article("https://c.example/3")], Ct);
        var outbox = new SqliteOutbox(test.Db);
        var sentAt = Now.AddHours(-3);

        await outbox.EnqueueAsync(
            Daily(subscribers[0], edition, notBefore: sentAt) with { Articles = [new SentArticle(stored[1].Id, stored[1].StoryId)] }, Parts(1), Ct);
        // Grouping later finds that the sent article tells the same story as the first one.
        await articles.AssignStoryAsync(stored[1].Id, stored[0].StoryId, Ct);
        var later = Edition() with { Items = [Item(stored[0]), Item(stored[2])] };

        var sent = await outbox.GetSentBeforeAsync([subscribers[0], subscribers[1]], later, Ct);

        var first = Assert.Single(sent).Value;
        Assert.Equal(subscribers[0], sent.Keys.Single());
        Assert.Equal(ItemNews.Seen, first.Classify(Item(stored[1])));
        // The same story told elsewhere before it was sent is nothing new; told after, it is an update.
        Assert.Equal(ItemNews.Seen, first.Classify(Item(stored[0]) with { PublishedAt = sentAt.AddMinutes(-5) }));
        Assert.Equal(ItemNews.Update, first.Classify(Item(stored[0]) with { PublishedAt = sentAt.AddMinutes(5) }));
        Assert.Equal(ItemNews.New, first.Classify(Item(stored[2])));
    }

    [Fact]
    public async Task A_fulfilled_request_remembers_the_articles_it_showed()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var stored = await new SqliteArticleStore(test.Db).AddNewAsync([Article("https://a.example/1")], Ct);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.RequestAsync(Reply(subscribers[0], "digest:1"), Ct);
        var waiting = Assert.Single(await outbox.GetWaitingAsync(Ct));

        await outbox.FulfilAsync(waiting.Id, edition, Parts(1), [new SentArticle(stored[0].Id, stored[0].StoryId)], Now, Ct);
        var later = Edition() with { Items = [Item(stored[0])] };

        Assert.Equal(ItemNews.Seen, (await outbox.GetSentBeforeAsync([subscribers[0]], later, Ct))[subscribers[0]].Classify(Item(stored[0])));
        Assert.Equal(1, await OutboxContentTests.CountAsync(test.Db, "delivered_articles"));
    }

    private static EditionItem Item(Article article) =>
        new(1, article.Id, article.Title, article.CanonicalUrl, article.Source, article.PublishedAt ?? article.FirstSeenAt, Category.Other,
            5, 5, 5, [], [], "Summary.", "Why.", MustRead: false, MustReadRank: 0)
        {
            StoryId = article.StoryId,
        };
}
