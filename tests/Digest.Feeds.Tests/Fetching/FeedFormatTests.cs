using Digest.Core.Collecting;
using Digest.TestKit.Feeds;

namespace Digest.Feeds.Tests.Fetching;

public sealed class FeedFormatTests(FeedsFixture feeds) : IClassFixture<FeedsFixture>
{
    private static readonly DateTimeOffset Published = new(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(2));

    private static readonly TestFeedItem[] Items =
    [
        new("Ben & Jerry’s <3 “scoops”", "https://example.com/posts/ice-cream", Guid: "post-1",
            Html: "<p>Two <b>scoops</b> &amp; a cone</p>", Published: Published, Author: "Ann Author"),
        new("Relative link", "/posts/relative", Guid: "post-2", Published: Published.AddDays(-1).ToOffset(TimeSpan.FromHours(-5))),
    ];

    [Theory]
    [InlineData(FeedFormat.Rss20)]
    [InlineData(FeedFormat.Rss10)]
    [InlineData(FeedFormat.Atom)]
    [InlineData(FeedFormat.JsonFeed)]
    public async Task Every_format_parses_into_the_published_items(FeedFormat format)
    {
        var url = feeds.Server.Publish($"/formats/{format}", format, Items);

        var result = await feeds.FetchAsync(url);

        Assert.Equal(FeedFetchStatus.Ok, result.Status);
        Assert.Null(result.Error);
        Assert.Equal(2, result.Items.Count);

        var first = result.Items[0];
        Assert.Equal("Ben & Jerry’s <3 “scoops”", first.Title);
        Assert.Equal("https://example.com/posts/ice-cream", first.Url);
        Assert.Equal(Published, first.PublishedAt);
        Assert.Equal(Published.Offset, first.PublishedAt!.Value.Offset);
        Assert.Equal("Ann Author", first.Author);
        Assert.Contains("scoops", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", first.Text, StringComparison.Ordinal);

        var second = result.Items[1];
        Assert.Equal(new Uri(feeds.Server.BaseAddress, "/posts/relative").AbsoluteUri, second.Url);
        Assert.Equal(TimeSpan.FromHours(-5), second.PublishedAt!.Value.Offset);
        Assert.Equal(Published.AddDays(-1), second.PublishedAt);
    }

    [Theory]
    [InlineData(FeedFormat.Rss20)]
    [InlineData(FeedFormat.Atom)]
    [InlineData(FeedFormat.JsonFeed)]
    public async Task The_item_guid_is_kept(FeedFormat format)
    {
        var url = feeds.Server.Publish($"/guids/{format}", format, Items);

        var result = await feeds.FetchAsync(url);

        Assert.Equal("post-1", result.Items[0].Guid);
    }

    [Fact]
    public async Task Validators_of_the_response_are_returned_with_the_items()
    {
        var url = feeds.Server.Publish("/validators", FeedFormat.Rss20, Items);

        var result = await feeds.FetchAsync(url);

        Assert.StartsWith("\"", result.ETag, StringComparison.Ordinal);
        Assert.EndsWith("GMT", result.LastModified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_carry_the_configured_user_agent()
    {
        var url = feeds.Server.Publish("/user-agent", FeedFormat.Atom, Items);

        await feeds.FetchAsync(url);

        Assert.Equal(FeedOptions.DefaultUserAgent, feeds.Server.LastUserAgent);
    }

    [Fact]
    public async Task Many_generated_feeds_are_all_readable()
    {
        var sources = feeds.Server.PublishMany(8, 5);

        var results = await Task.WhenAll(sources.Select(s => feeds.Fetcher.FetchAsync(s, FeedHealth.New(s.Url), default)));

        Assert.All(results, r => Assert.Equal(FeedFetchStatus.Ok, r.Status));
        Assert.Equal(40, results.Sum(r => r.Items.Count));
    }
}
