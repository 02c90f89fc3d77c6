using System.Text;
using Digest.Core.Conversation.Links;
using Digest.TestKit.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Feeds.Tests.Pages;

public sealed class LinkReaderTests
{
    private static readonly string Paragraph = string.Join(' ', Enumerable.Repeat("Queues let each worker own its state, so nothing waits on a lock held by a stranger.", 8));

    private static byte[] ArticlePage(string title = "Why queues beat locks") => Encoding.UTF8.GetBytes($"""
        <!DOCTYPE html>
        <html><head><title>{title}</title>
          <meta property="article:published_time" content="2025-04-05T06:07:08Z"></head>
        <body><article><h1>{title}</h1><p>{Paragraph}</p><p>{Paragraph}</p></article></body></html>
        """);

    [Fact]
    public async Task A_chat_link_gives_the_readable_text_the_title_and_the_date()
    {
        await using var server = await FeedServer.StartAsync();
        var url = server.PublishRaw("/read.html", ArticlePage(), "text/html; charset=utf-8");
        await using var services = TestServices.Create();

        var read = await services.GetRequiredService<ILinkReader>().ReadLinkAsync(url.AbsoluteUri, default);

        Assert.Null(read.Failure);
        Assert.NotNull(read.Page);
        Assert.Contains("Queues let each worker own its state", read.Page.Text, StringComparison.Ordinal);
        Assert.Equal("Why queues beat locks", read.Page.Title);
        Assert.Equal(new DateTimeOffset(2025, 4, 5, 6, 7, 8, TimeSpan.Zero), read.Page.PublishedAt);
    }

    [Fact]
    public async Task A_page_over_the_page_cap_is_refused_as_too_large_even_under_the_feed_cap()
    {
        await using var server = await FeedServer.StartAsync();
        var url = server.PublishRaw("/big.html", ArticlePage(), "text/html");
        await using var services = TestServices.Create(new Dictionary<string, string?> { ["Pages:MaxBodyBytes"] = "1024" });

        var read = await services.GetRequiredService<ILinkReader>().ReadLinkAsync(url.AbsoluteUri, default);

        Assert.Equal(LinkFailureKind.TooLarge, read.Failure?.Kind);
        Assert.Equal("The page is larger than 1 KB.", read.Failure?.Message);
    }

    [Fact]
    public async Task A_page_slower_than_the_page_timeout_is_refused_as_too_slow()
    {
        await using var server = await FeedServer.StartAsync();
        var url = server.PublishRaw("/slow.html", ArticlePage(), "text/html");
        server.Latency = TimeSpan.FromSeconds(5);
        await using var services = TestServices.Create(new Dictionary<string, string?> { ["Pages:Timeout"] = "00:00:00.300" });

        var read = await services.GetRequiredService<ILinkReader>().ReadLinkAsync(url.AbsoluteUri, default);

        Assert.Equal(LinkFailureKind.TimedOut, read.Failure?.Kind);
        Assert.Equal("The page took longer than 0.3 s.", read.Failure?.Message);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/file.txt")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    public async Task A_link_that_is_not_http_is_refused_without_a_request(string url)
    {
        await using var services = TestServices.Create();

        var read = await services.GetRequiredService<ILinkReader>().ReadLinkAsync(url, default);

        Assert.Equal(LinkFailureKind.NotHttp, read.Failure?.Kind);
        Assert.Equal("Only http and https links can be summarized.", read.Failure?.Message);
    }

    [Fact]
    public async Task A_missing_page_and_a_feed_are_told_apart()
    {
        await using var server = await FeedServer.StartAsync();
        var feed = server.Publish("/feed.xml", FeedFormat.Rss20, [new("Item", "https://example.com/i")]);
        await using var services = TestServices.Create();
        var reader = services.GetRequiredService<ILinkReader>();

        var missing = await reader.ReadLinkAsync(server.Url(HostileFeeds.NotFound).AbsoluteUri, default);
        var notAPage = await reader.ReadLinkAsync(feed.AbsoluteUri, default);

        Assert.Equal(LinkFailureKind.HttpError, missing.Failure?.Kind);
        Assert.Equal("The site answered with an error (HTTP 404).", missing.Failure?.Message);
        Assert.Equal(LinkFailureKind.NotAPage, notAPage.Failure?.Kind);
        Assert.Equal("That link is not a web page (application/rss+xml).", notAPage.Failure?.Message);
    }

    [Fact]
    public void Page_limits_default_to_5_MB_and_15_s()
    {
        var options = new PageOptions();

        Assert.Equal(5 * 1024 * 1024, options.MaxBodyBytes);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Timeout);
        Assert.True(new PageOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Pages:Timeout", "00:00:00")]
    [InlineData("Pages:Timeout", "01:00:00")]
    [InlineData("Pages:MaxBodyBytes", "10")]
    public async Task A_bad_page_limit_fails_validation_naming_its_key(string key, string value)
    {
        await using var services = TestServices.Create(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PageOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
