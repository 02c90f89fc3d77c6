using System.Text;
using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Conversation.Links;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;
using Digest.TestKit.OpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Integration.Tests.Links;

public sealed class LinkSummaryTests
{
    private const string Title = "Why bounded queues beat locks";
    private const string Path = "/posts/queues.html";

    private static readonly byte[] Page = Encoding.UTF8.GetBytes($$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{Title}}</title></head><body>
          <nav><a href="/">Home</a> | <a href="/about">About</a></nav>
          <article>
            <h1>{{Title}}</h1>
            <p>{{string.Join(' ', Enumerable.Repeat("Queues let each worker own its state, so nothing waits on a lock held by a stranger.", 5))}}</p>
            <p>{{string.Join(' ', Enumerable.Repeat("Back-pressure falls out of a bounded queue for free, which a lock never gives you.", 5))}}</p>
            <p>{{string.Join(' ', Enumerable.Repeat("Engineering teams that switched report fewer deadlocks and simpler code reviews.", 5))}}</p>
          </article>
          <footer>Copyright 2025</footer>
        </body></html>
        """);

    [Fact]
    public async Task A_page_is_summarized_offline_stored_as_a_chat_article_and_not_fetched_again()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = guard.Token;
        await using var pages = await FeedServer.StartAsync(ct);
        var url = pages.PublishRaw(Path, Page, "text/html; charset=utf-8");
        using var directory = new TestDirectory();
        await using var app = await StartAsync(directory, ReadingLoopback(PipelineSettings.Fast()));
        var links = app.Get<LinkSummaries>();

        var first = await links.SummarizeAsync(url.AbsoluteUri + "?utm_source=chat#top", "en", ct);
        var again = await links.SummarizeAsync(url.AbsoluteUri, "en", ct);

        Assert.True(first.Succeeded, first.Failure?.Message);
        Assert.Equal(Title, first.Article.Title);
        Assert.Equal(url.AbsoluteUri, first.Article.CanonicalUrl);
        Assert.Equal(LinkSummaries.FeedUrl, first.Article.FeedUrl);
        Assert.Equal("127.0.0.1", first.Article.Source);
        Assert.Contains("queue", first.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.True(again.Succeeded);
        Assert.Equal(first.Article.Id, again.Article.Id);
        Assert.Equal(first.Summary, again.Summary);
        Assert.Equal(1, pages.RequestCount(Path));

        var store = app.Get<IArticleStore>();
        Assert.Equal(first.Article.Id, (await store.GetByUrlAsync(url.AbsoluteUri, ct))?.Id);
        Assert.Contains(await store.SearchAsync("bounded queue back-pressure", 5, ct), a => a.Id == first.Article.Id);
        var assessment = (await app.Get<IAssessmentStore>().GetAsync([first.Article.Id], OfflineAssessor.ModelName, ct))[first.Article.Id];
        Assert.True(assessment.IsOffline);
    }

    [Fact]
    public async Task With_an_llm_the_page_is_scored_and_written_up_by_it()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = guard.Token;
        await using var llm = await FakeOpenAiServer.StartAsync();
        await using var pages = await FeedServer.StartAsync(ct);
        var url = pages.PublishRaw(Path, Page, "text/html; charset=utf-8");
        using var directory = new TestDirectory();
        await using var app = await StartAsync(directory, ReadingLoopback(PipelineSettings.WithLlm(llm, TimeSpan.FromSeconds(10), maxRetries: 1)));

        var result = await app.Get<LinkSummaries>().SummarizeAsync(url.AbsoluteUri, "en", ct);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(FakeAnswers.WriteupSummary(Title), result.Summary);
        Assert.Equal(1, llm.Calls("score"));
        Assert.Equal(1, llm.Calls("writeup"));
        var assessment = (await app.Get<IAssessmentStore>().GetAsync([result.Article.Id], "fake-model", ct))[result.Article.Id];
        Assert.False(assessment.IsOffline);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}" + Path, "That address is on a private network; I only read public web pages.")]
    [InlineData("http://localhost:{port}" + Path, "That address is on a private network; I only read public web pages.")]
    [InlineData("http://[::1]:{port}" + Path, "That address is on a private network; I only read public web pages.")]
    [InlineData("http://[64:ff9b::7f00:1]:{port}" + Path, "That address is on a private network; I only read public web pages.")]
    [InlineData("http://10.0.0.1" + Path, "That address is on a private network; I only read public web pages.")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "That address is on a private network; I only read public web pages.")]
    [InlineData("file:///etc/passwd", "Only http and https links can be summarized.")]
    [InlineData("ftp://127.0.0.1:{port}" + Path, "Only http and https links can be summarized.")]
    public async Task Links_to_private_addresses_and_other_schemes_are_refused_with_a_clear_message_and_nothing_fetched_or_stored(
        string template, string message)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = guard.Token;
        await using var pages = await FeedServer.StartAsync(ct);
        pages.PublishRaw(Path, Page, "text/html; charset=utf-8");
        using var directory = new TestDirectory();
        // The app's defaults: chat links are never read from non-public addresses.
        await using var app = await StartAsync(directory, PipelineSettings.Fast());
        var url = template.Replace("{port}", pages.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var result = await app.Get<LinkSummaries>().SummarizeAsync(url, "en", ct);

        Assert.False(result.Succeeded);
        Assert.Equal(message, result.Failure.Message);
        Assert.Null(result.Article);
        Assert.Equal(0, pages.RequestCount(Path));
        Assert.Empty(await app.Get<IArticleStore>().SearchAsync("bounded queue", 5, ct));
    }

    /// <summary>The test pages live on 127.0.0.1, which the app refuses by default.</summary>
    private static Dictionary<string, string?> ReadingLoopback(Dictionary<string, string?> settings)
    {
        settings["Feeds:AllowPrivatePageAddresses"] = "true";
        return settings;
    }

    // The lead wires LinkSummaries into the app; registering it here keeps these tests independent of that.
    private static Task<TestApp> StartAsync(TestDirectory directory, Dictionary<string, string?> settings) =>
        TestApp.StartAsync(directory, settings, services => services.AddSingleton<LinkSummaries>(), delivery: false);
}
