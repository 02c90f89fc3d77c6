using Digest.Core.Collecting;
using Digest.TestKit.Feeds;

namespace Digest.Feeds.Tests.Fetching;

public sealed class ConditionalGetTests(FeedsFixture feeds) : IClassFixture<FeedsFixture>
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Second_fetch_with_stored_validators_is_not_modified_and_has_no_items()
    {
        var url = feeds.Server.Publish("/conditional/etag", FeedFormat.Rss20, [new("One", "https://example.com/1")]);
        var first = await feeds.FetchAsync(url);
        var health = FeedHealth.New(url.AbsoluteUri).Succeeded(first.ETag, first.LastModified, first.Items.Count, Now);

        var second = await feeds.FetchAsync(url, health);

        Assert.Equal(FeedFetchStatus.NotModified, second.Status);
        Assert.Empty(second.Items);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(first.LastModified, second.LastModified);
        Assert.Equal(2, feeds.Server.RequestCount("/conditional/etag"));
    }

    [Fact]
    public async Task Last_modified_alone_is_enough_for_not_modified()
    {
        var url = feeds.Server.Publish("/conditional/date", FeedFormat.Atom, [new("One", "https://example.com/1")]);
        var first = await feeds.FetchAsync(url);
        var health = FeedHealth.New(url.AbsoluteUri).Succeeded(null, first.LastModified, 1, Now);

        var second = await feeds.FetchAsync(url, health);

        Assert.Equal(FeedFetchStatus.NotModified, second.Status);
    }

    [Fact]
    public async Task Replaced_items_are_fetched_in_full_despite_old_validators()
    {
        var url = feeds.Server.Publish("/conditional/changed", FeedFormat.JsonFeed, [new("Old", "https://example.com/old")]);
        var first = await feeds.FetchAsync(url);
        feeds.Server.Publish("/conditional/changed", FeedFormat.JsonFeed, [new("New", "https://example.com/new")]);
        var health = FeedHealth.New(url.AbsoluteUri).Succeeded(first.ETag, first.LastModified, 1, Now);

        var second = await feeds.FetchAsync(url, health);

        Assert.Equal(FeedFetchStatus.Ok, second.Status);
        Assert.Equal("New", Assert.Single(second.Items).Title);
        Assert.NotEqual(first.ETag, second.ETag);
    }
}
