using Digest.Core.Collecting;

namespace Digest.Core.Tests.Collecting;

public sealed class ArticleDateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly FeedSource Feed = new("https://blog.example/feed.xml", "blog.example");

    [Fact]
    public void An_undated_item_on_a_feeds_first_read_has_no_date_as_it_may_be_months_old()
    {
        var article = Collector.Normalize(Item(published: null), Feed, Now, firstRead: true);

        Assert.NotNull(article);
        Assert.Null(article.PublishedAt);
        Assert.Equal(Now, article.FirstSeenAt);
    }

    [Fact]
    public void An_undated_item_that_appears_in_a_feed_we_already_read_is_as_new_as_when_we_saw_it()
    {
        var article = Collector.Normalize(Item(published: null), Feed, Now, firstRead: false);

        Assert.Equal(Now, article!.PublishedAt);
    }

    [Fact]
    public void A_stated_date_is_kept_in_utc_and_one_in_the_future_is_now()
    {
        var stated = new DateTimeOffset(2026, 11, 30, 22, 15, 0, TimeSpan.FromHours(-5));

        Assert.Equal(stated.ToUniversalTime(), Collector.Normalize(Item(stated), Feed, Now, firstRead: true)!.PublishedAt);
        Assert.Equal(TimeSpan.Zero, Collector.Normalize(Item(stated), Feed, Now, firstRead: true)!.PublishedAt!.Value.Offset);
        Assert.Equal(Now, Collector.Normalize(Item(Now.AddDays(3)), Feed, Now, firstRead: true)!.PublishedAt);
    }

    private static FetchedItem Item(DateTimeOffset? published) =>
        new("guid-1", "https://blog.example/posts/1", "A post", "Some text.", published);
}
