using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Telegram.Rendering;
using Digest.TestKit.Editions;
using Digest.TestKit.Telegram;

namespace Digest.Telegram.Tests.Rendering;

public class HostileTextTests
{
    private static readonly string LongSummary = string.Concat(Enumerable.Repeat("Long <b>summary</b> & more. ", 180)); // ~5,000 chars

    private static Edition Hostile() => new EditionBuilder()
        .WithHighlights("Highlights with <p>tags</p> & &nbsp; entities")
        .WithArticle("<script>alert(1)</script>", url: "javascript:alert(1)", why: "</blockquote><b>break out")
        .WithArticle("a & b <i>", Category.Security, summary: "x < y > z", source: "evil<>.com", tags: ["<tag>", "a&b"])
        .WithArticle("@everyone \"quotes\" 'single'", Category.Tools, url: "https://example.com/?q=\"><b>x</b>")
        .WithArticle("Long one", summary: LongSummary)
        .WithArticle("表情 😀👩‍👩‍👧 emoji and CJK 中文标题", Category.Opinion, summary: string.Concat(Enumerable.Repeat("中文😀", 1500)))
        .WithArticle("Data URL", url: "data:text/html,<script>x</script>")
        .Build();

    private static IReadOnlyList<MessagePart> Render(int text = 4096, int caption = 1024) =>
        new TelegramEditionRenderer(new FakeChartRenderer(), new TelegramRenderLimits(text, caption)).Render(Hostile());

    [Theory]
    [InlineData(4096, 1024)]
    [InlineData(300, 100)]
    [InlineData(50, 30)]
    public void Hostile_article_text_still_parses_and_fits(int text, int caption)
    {
        foreach (var part in Render(text, caption))
        {
            var parsed = TelegramHtml.Parse(part.Text);
            Assert.True(parsed.Ok, $"{parsed.Error} in:\n{part.Text}");
            Assert.InRange(parsed.Length, 1, part.IsPhoto ? caption : text);
        }
    }

    [Fact]
    public void Markup_in_article_text_is_shown_as_text_not_obeyed()
    {
        var plain = string.Join("\n", Render().Where(p => !p.IsPhoto).Select(p => TelegramHtml.Parse(p.Text).PlainText));

        Assert.Contains("1. <script>alert(1)</script>\n", plain, StringComparison.Ordinal);
        Assert.Contains("a & b <i>", plain, StringComparison.Ordinal);
        Assert.Contains("@everyone \"quotes\" 'single'", plain, StringComparison.Ordinal);
        Assert.Contains("💡 Why read it: </blockquote><b>break out", plain, StringComparison.Ordinal);
        Assert.Contains("evil<>.com", plain, StringComparison.Ordinal);
        Assert.Contains("🏷️ <tag>, a&b", plain, StringComparison.Ordinal);
        Assert.Contains("Highlights with <p>tags</p> & &nbsp; entities", plain, StringComparison.Ordinal);
        Assert.Contains("表情 😀👩‍👩‍👧 emoji and CJK 中文标题", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_http_and_https_urls_become_links()
    {
        var html = string.Join("\n", Render().Select(p => p.Text));

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b>1. &lt;script&gt;alert(1)&lt;/script&gt;</b>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/?q=%22%3E%3Cb%3Ex%3C/b%3E\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_summary_longer_than_a_message_is_cut_with_an_ellipsis_inside_its_quote()
    {
        var parts = Render().Where(p => !p.IsPhoto).Select(p => p.Text).ToList();

        var longPart = Assert.Single(parts, p => p.Contains("Long &lt;b&gt;summary", StringComparison.Ordinal));
        Assert.Contains("…</blockquote>", longPart, StringComparison.Ordinal);
        Assert.True(TelegramHtml.Parse(longPart).Length <= 4096);
    }
}
