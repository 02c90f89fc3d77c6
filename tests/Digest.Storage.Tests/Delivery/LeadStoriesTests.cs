using Digest.Core.Delivery;
using Digest.Storage.Articles;
using Digest.Storage.Delivery;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Delivery;

public sealed class LeadStoriesTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Each_subscriber_gets_the_stories_their_dailies_led_with_since_the_given_time_with_the_latest_send()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 2);
        var stored = await new SqliteArticleStore(test.Db).AddNewAsync(
            [Article("https://a.example/1"), Article("https://b.example/2"), Article("https://c.example/3")], Ct);
        var outbox = new SqliteOutbox(test.Db);
        SentArticle Sent(int i, bool lead = false) => new(stored[i].Id, stored[i].StoryId) { Lead = lead };
        var weekStart = Now.AddDays(-6);

        // Before the week: not counted. In the week: led with article 0 twice (latest counts), article 1 shown but not led.
        await outbox.EnqueueAsync(Daily(subscribers[0], edition, "2025-05-25", Now.AddDays(-8)) with { Articles = [Sent(2, lead: true)] }, Parts(1), Ct);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition, "2025-05-30", Now.AddDays(-3)) with { Articles = [Sent(0, lead: true), Sent(1)] }, Parts(1), Ct);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition, "2025-06-01", Now.AddDays(-1)) with { Articles = [Sent(0, lead: true)] }, Parts(1), Ct);
        // A reply that led with article 1 is no daily.
        await outbox.EnqueueAsync(Reply(subscribers[0], "digest:1", edition, Now.AddDays(-2)) with { Articles = [Sent(1, lead: true)] }, Parts(1), Ct);
        await outbox.EnqueueAsync(Daily(subscribers[1], edition, "2025-06-01", Now.AddDays(-1)) with { Articles = [Sent(1)] }, Parts(1), Ct);

        var leads = await outbox.GetLeadStoriesAsync([subscribers[0], subscribers[1]], weekStart, Ct);

        var first = Assert.Single(leads);
        Assert.Equal(subscribers[0], first.Key);
        Assert.Equal(stored[0].StoryId, Assert.Single(first.Value).Key);
        Assert.Equal(Now.AddDays(-1), first.Value[stored[0].StoryId]);
    }

    [Fact]
    public async Task No_subscribers_asked_means_no_query_and_nothing_found()
    {
        await using var test = await TestDatabase.CreateAsync();

        Assert.Empty(await new SqliteOutbox(test.Db).GetLeadStoriesAsync([], Now, Ct));
    }
}
