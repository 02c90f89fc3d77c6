using System.Text;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;

namespace Digest.Integration.Tests.Pipeline;

public sealed class UndatedItemsTests
{
    [Fact]
    public async Task A_newly_added_feeds_undated_items_stay_out_of_the_window_and_an_undated_item_that_appears_later_is_new()
    {
        var ct = CancellationToken.None;
        using var dir = new TestDirectory();
        await using var server = await FeedServer.StartAsync(ct);
        await using var app = await TestApp.StartAsync(dir);
        var dated = DateTimeOffset.UtcNow.AddHours(-2).ToString("r");
        var feed = new FeedSource(server.PublishRaw("/undated.xml", Rss(
            Item("Dated post about LLM inference", "/p/dated", dated),
            Item("An undated post from who knows when", "/p/old-1", null),
            Item("Another undated archive post", "/p/old-2", null)), "application/rss+xml").AbsoluteUri, "undated.example");

        await app.Get<Collector>().CollectAsync([feed], null, ct);
        var first = await ComposeAsync(app);

        Assert.Equal(["Dated post about LLM inference"], first.Items.Select(i => i.Title));
        Assert.Equal(3, first.Stats.ArticlesFetched);
        Assert.Equal(1, first.Stats.ArticlesInWindow);

        // The next read finds one more undated item: it was not there before, so it is as new as now.
        server.PublishRaw("/undated.xml", Rss(
            Item("A fresh undated note", "/p/new", null),
            Item("Dated post about LLM inference", "/p/dated", dated),
            Item("An undated post from who knows when", "/p/old-1", null),
            Item("Another undated archive post", "/p/old-2", null)), "application/rss+xml");
        await app.Get<Collector>().CollectAsync([feed], null, ct);
        var second = await ComposeAsync(app);

        Assert.Equal(["A fresh undated note", "Dated post about LLM inference"], second.Items.Select(i => i.Title).Order());
        Assert.All(second.Items, i => Assert.DoesNotContain("undated post", i.Title, StringComparison.Ordinal));
    }

    private static Task<Edition> ComposeAsync(TestApp app) =>
        app.Get<DailyEditionService>().ComposeAsync(new EditionRequest(Store: false), null, CancellationToken.None);

    private static string Item(string title, string link, string? date) =>
        $"<item><title>{title}</title><link>{link}</link>{(date is null ? "" : $"<pubDate>{date}</pubDate>")}"
        + $"<description>{title}. The post explains the model, the training run and what the team measured.</description></item>";

    private static byte[] Rss(params string[] items) => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Undated</title><link>https://undated.example/</link>"
        + string.Concat(items) + "</channel></rss>");
}
