using System.Text;
using Digest.Core.Assessing;
using Digest.Feeds.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Feeds.Tests.Pages;

public sealed class PageDateTests(FeedsFixture feeds) : IClassFixture<FeedsFixture>
{
    private static readonly DateTimeOffset Published = new(2025, 4, 5, 6, 7, 8, TimeSpan.FromHours(2));

    private IPageTextSource Pages => feeds.Services.GetRequiredService<IPageTextSource>();

    private static string Page(string head, string article = "", string outside = "") => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>On queues</title>{{head}}</head><body>
          <nav><a href="/">Home</a> <time datetime="2001-01-01">nav date</time></nav>
          {{outside}}
          <article>
            <h1>Why queues beat locks</h1>
            {{article}}
            <p>{{string.Join(' ', Enumerable.Repeat("Queues let each worker own its state, so nothing waits on a lock held by a stranger.", 6))}}</p>
            <p>{{string.Join(' ', Enumerable.Repeat("Back-pressure falls out of a bounded queue for free, which a lock never gives you.", 6))}}</p>
          </article>
        </body></html>
        """;

    [Fact]
    public async Task A_fetched_page_reports_the_date_its_meta_tags_state()
    {
        var url = feeds.Server.PublishRaw("/dated/meta.html",
            Encoding.UTF8.GetBytes(Page("<meta property=\"article:published_time\" content=\"2025-04-05T06:07:08+02:00\">")), "text/html; charset=utf-8");

        var page = await Pages.GetPageAsync(url.AbsoluteUri, default);

        Assert.NotNull(page);
        Assert.Contains("Queues let each worker", page.Text, StringComparison.Ordinal);
        Assert.Equal(Published, page.PublishedAt);
        Assert.Equal(Published.Offset, page.PublishedAt!.Value.Offset);
    }

    [Fact]
    public async Task A_fetched_page_that_states_no_date_has_text_and_no_date()
    {
        var url = feeds.Server.PublishRaw("/dated/none.html", Encoding.UTF8.GetBytes(Page("")), "text/html");

        var page = await Pages.GetPageAsync(url.AbsoluteUri, default);

        Assert.NotNull(page);
        Assert.Null(page.PublishedAt);
    }

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"2025-04-05T06:07:08+02:00\">")]
    [InlineData("<meta property=\"og:published_time\" content=\"2025-04-05T04:07:08Z\">")]
    [InlineData("<meta name=\"date\" content=\"2025-04-05T06:07:08+02:00\">")]
    [InlineData("<meta itemprop=\"datePublished\" content=\"2025-04-05T06:07:08+02:00\">")]
    [InlineData("<meta name=\"DATE\" content=\"Sat, 05 Apr 2025 06:07:08 +0200\">")]
    public void Meta_tags_state_the_date(string head)
    {
        Assert.Equal(Published, PageDate.Find(Page(head)));
    }

    [Fact]
    public void Open_graph_wins_over_json_ld_and_the_time_element()
    {
        var html = Page(
            "<meta property=\"article:published_time\" content=\"2025-04-05T06:07:08+02:00\">"
            + "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"datePublished\":\"2020-01-01T00:00:00Z\"}</script>",
            "<time datetime=\"2019-01-01T00:00:00Z\">then</time>");

        Assert.Equal(Published, PageDate.Find(html));
    }

    [Theory]
    [InlineData("""{"@context":"https://schema.org","@type":"BlogPosting","headline":"Q","datePublished":"2025-04-05T06:07:08+02:00"}""")]
    [InlineData("""[{"@type":"BreadcrumbList"},{"@type":"NewsArticle","datePublished":"2025-04-05T04:07:08Z"}]""")]
    [InlineData("""{"@context":"https://schema.org","@graph":[{"@type":"WebSite","datePublished":"2010-01-01"},{"@type":["Article"],"datePublished":"2025-04-05T06:07:08+02:00"}]}""")]
    [InlineData("""{"@type":"WebPage","datePublished":"2025-04-05T06:07:08+02:00",}""")]
    public void Json_ld_states_the_date_of_the_article_first(string json)
    {
        var html = Page($"<script type=\"application/ld+json\">{json}</script>");

        Assert.Equal(Published, PageDate.Find(html));
    }

    [Fact]
    public void Broken_json_ld_is_passed_over_for_the_next_block()
    {
        var html = Page("<script type=\"application/ld+json\">{\"@type\":\"Article\", datePublished: oops</script>"
            + "<script type=\"application/LD+JSON\">{\"@type\":\"Article\",\"datePublished\":\"2025-04-05T06:07:08+02:00\"}</script>");

        Assert.Equal(Published, PageDate.Find(html));
    }

    [Fact]
    public void The_first_time_element_inside_the_article_states_the_date_not_one_outside_it()
    {
        var html = Page("", "<p>Posted <time datetime=\"2025-04-05T06:07:08+02:00\">April 5</time></p><time datetime=\"2024-01-01\">x</time>",
            "<aside><time datetime=\"2023-01-01T00:00:00Z\">sidebar</time></aside>");

        Assert.Equal(Published, PageDate.Find(html));
    }

    [Fact]
    public void A_time_element_in_main_counts_too()
    {
        var html = "<html><body><main><time datetime=\"2025-04-05 04:07:08\">then</time></main></body></html>";

        Assert.Equal(Published, PageDate.Find(html));
    }

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"not a date\">")]
    [InlineData("<meta property=\"article:modified_time\" content=\"2025-04-05T06:07:08+02:00\">")]
    [InlineData("<script type=\"text/javascript\">var x = {\"datePublished\":\"2025-04-05T06:07:08+02:00\"};</script>")]
    public void A_page_with_nothing_readable_states_no_date(string head)
    {
        Assert.Null(PageDate.Find(Page(head)));
    }
}
