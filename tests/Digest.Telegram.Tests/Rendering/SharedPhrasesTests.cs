using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Telegram.Rendering;
using Digest.TestKit.Editions;
using Digest.TestKit.Telegram;

namespace Digest.Telegram.Tests.Rendering;

/// <summary>Telegram and Markdown say the core's phrases word for word; only markup and layout are their own.</summary>
public class SharedPhrasesTests
{
    private static string TelegramPlain(Edition edition) =>
        string.Join("\n", new TelegramEditionRenderer(new FakeChartRenderer()).Render(edition).Where(p => !p.IsPhoto).Select(p => TelegramHtml.Parse(p.Text).PlainText));

    private static Edition Sample() => new EditionBuilder()
        .WithArticle("First", tags: ["Rust", "wasm"])
        .WithArticle("Second", tags: ["rust", "go"])
        .WithArticle("Third", tags: ["go"])
        .WithArticle("Fourth\n  on two lines", source: "other.org", tags: ["rust"])
        .Offline()
        .Build();

    [Fact]
    public void Both_renderers_write_the_same_article_lines_titles_topics_footer_and_offline_note()
    {
        var edition = Sample() with { Items = [.. Sample().Items.Select(i => i.Rank == 2 ? i with { AlsoCoveredBy = ["a.com"] } : i)] };
        var markdown = MarkdownRenderer.Render(edition);
        var telegram = TelegramPlain(edition);

        var shared = new List<string>
        {
            "example.com · 1h ago · 🤖 AI / ML",
            "example.com · 2h ago · 🤖 AI / ML · also covered by a.com",
            "other.org · 4h ago · ⭐ 25/30",
            EditionText.Footer(edition),
            EditionText.OfflineNote,
            "Fourth on two lines",
        };
        Assert.All(shared, phrase =>
        {
            Assert.Contains(phrase, markdown, StringComparison.Ordinal);
            Assert.Contains(phrase, telegram, StringComparison.Ordinal);
        });
        // The leading topics are emphasized in each one's markup; the words and counts are the same.
        Assert.Contains("**rust**(3) · **go**(2) · **wasm**(1)", markdown, StringComparison.Ordinal);
        Assert.Contains("rust(3) · go(2) · wasm(1)", telegram, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_renderers_say_an_empty_edition_the_same_way()
    {
        var empty = new EditionBuilder().Build();

        Assert.Contains(EditionText.Empty, MarkdownRenderer.Render(empty), StringComparison.Ordinal);
        Assert.Contains(EditionText.Empty, TelegramPlain(empty), StringComparison.Ordinal);
    }
}
