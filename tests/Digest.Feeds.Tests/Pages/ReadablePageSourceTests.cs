using System.Text;
using Digest.Core.Assessing;
using Digest.TestKit.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Feeds.Tests.Pages;

public sealed class ReadablePageSourceTests(FeedsFixture feeds) : IClassFixture<FeedsFixture>
{
    private IPageTextSource Pages => feeds.Services.GetRequiredService<IPageTextSource>();

    private string ArticlePage(string watched) => $$"""
        <!DOCTYPE html>
        <html><head><title>A long read</title>
          <link rel="stylesheet" href="{{watched}}style.css">
          <script src="{{watched}}app.js"></script>
        </head><body>
          <nav><a href="/">Home</a> | <a href="/about">About</a> | <a href="/archive">Archive</a></nav>
          <article>
            <h1>Why queues beat locks</h1>
            <p>{{string.Join(' ', Enumerable.Repeat("Queues let each worker own its state, so nothing waits on a lock held by a stranger.", 6))}}</p>
            <p>{{string.Join(' ', Enumerable.Repeat("Back-pressure falls out of a bounded queue for free, which a lock never gives you.", 6))}}</p>
            <img src="{{watched}}figure.png" alt="figure">
          </article>
          <footer>Copyright 2025 · Subscribe · Privacy</footer>
        </body></html>
        """;

    [Fact]
    public async Task Article_text_is_extracted_without_the_page_fetching_anything_itself()
    {
        await using var server = await FeedServer.StartAsync();
        var url = server.PublishRaw("/article.html", Encoding.UTF8.GetBytes(ArticlePage(server.WatchedUrl.AbsoluteUri)), "text/html; charset=utf-8");

        var text = (await Pages.GetPageAsync(url.AbsoluteUri, default))?.Text;

        Assert.NotNull(text);
        Assert.Contains("Queues let each worker own its state", text, StringComparison.Ordinal);
        Assert.Contains("Back-pressure falls out of a bounded queue", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", text, StringComparison.Ordinal);
        Assert.Equal(0, server.WatchedUrlHits);
    }

    [Fact]
    public async Task A_page_that_is_not_html_has_no_text()
    {
        var url = feeds.Server.Publish("/pages/feed", FeedFormat.Rss20, [new("Item", "https://example.com/i")]);

        Assert.Null(await Pages.GetPageAsync(url.AbsoluteUri, default));
    }

    [Fact]
    public async Task A_missing_page_has_no_text()
    {
        Assert.Null(await Pages.GetPageAsync(feeds.Server.Url(HostileFeeds.NotFound).AbsoluteUri, default));
    }

    [Fact]
    public async Task A_page_over_the_body_cap_has_no_text()
    {
        var huge = "<html><body><p>" + new string('x', (int)TestServices.MaxBodyBytes) + "</p></body></html>";
        var url = feeds.Server.PublishRaw("/pages/huge.html", Encoding.UTF8.GetBytes(huge), "text/html");

        Assert.Null(await Pages.GetPageAsync(url.AbsoluteUri, default));
    }

    [Fact]
    public async Task A_url_that_is_not_http_has_no_text()
    {
        Assert.Null(await Pages.GetPageAsync("file:///etc/passwd", default));
    }
}
