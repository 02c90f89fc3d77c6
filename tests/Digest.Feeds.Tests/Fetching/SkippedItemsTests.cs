using System.Text;
using Digest.Core.Collecting;
using Digest.TestKit.Feeds;

namespace Digest.Feeds.Tests.Fetching;

public sealed class SkippedItemsTests(FeedsFixture feeds) : IClassFixture<FeedsFixture>
{
    [Fact]
    public async Task A_feed_whose_every_item_lacks_a_link_is_read_with_every_item_counted_as_skipped()
    {
        var url = feeds.Server.PublishRaw("/skipped/all", Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Notes</title>"
            + "<item><title>One</title><description>no link</description></item>"
            + "<item><title>Two</title><guid isPermaLink=\"false\">https://notes.example/2</guid></item>"
            + "<item><title>Three</title><guid>note-3</guid></item></channel></rss>"), "application/rss+xml");

        var result = await feeds.FetchAsync(url);

        Assert.Equal(FeedFetchStatus.Ok, result.Status);
        Assert.Null(result.Error);
        Assert.Empty(result.Items);
        Assert.Equal(3, result.Skipped);
    }

    [Fact]
    public async Task Linked_items_are_kept_beside_the_skipped_count()
    {
        var url = feeds.Server.PublishRaw("/skipped/some.json", Encoding.UTF8.GetBytes(
            """{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"a","title":"No link"},{"id":"b","url":"/b","title":"Linked"}]}"""),
            "application/feed+json");

        var result = await feeds.FetchAsync(url);

        Assert.Equal(FeedFetchStatus.Ok, result.Status);
        Assert.Equal(feeds.Server.Url("/b").AbsoluteUri, Assert.Single(result.Items).Url);
        Assert.Equal(1, result.Skipped);
    }

    [Fact]
    public async Task A_feed_with_links_everywhere_skips_nothing()
    {
        var url = feeds.Server.Publish("/skipped/none", FeedFormat.Atom, [new("Only", "https://example.com/only")]);

        var result = await feeds.FetchAsync(url);

        Assert.Single(result.Items);
        Assert.Equal(0, result.Skipped);
    }
}
