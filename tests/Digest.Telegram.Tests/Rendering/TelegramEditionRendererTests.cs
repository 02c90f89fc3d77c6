using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Telegram.Rendering;
using Digest.TestKit.Editions;
using Digest.TestKit.Telegram;

namespace Digest.Telegram.Tests.Rendering;

public class TelegramEditionRendererTests
{
    private static IReadOnlyList<MessagePart> Render(Edition edition, int text = 4096, int caption = 1024) =>
        new TelegramEditionRenderer(new FakeChartRenderer(), new TelegramRenderLimits(text, caption)).Render(edition);

    private static List<string> TextParts(IReadOnlyList<MessagePart> parts) => parts.Where(p => !p.IsPhoto).Select(p => p.Text).ToList();

    private static string AllPlainText(IReadOnlyList<MessagePart> parts) =>
        string.Join("\n", TextParts(parts).Select(t => TelegramHtml.Parse(t).PlainText));

    /// <summary>The order readers see articles in: sections by first appearance in rank order, ranks within.</summary>
    private static List<EditionItem> ReadingOrder(Edition edition) =>
        [.. edition.Items.OrderBy(i => i.Rank).GroupBy(i => i.Category).SelectMany(g => g)];

    private static void AssertTelegramAccepts(IReadOnlyList<MessagePart> parts, int text, int caption)
    {
        foreach (var part in parts)
        {
            var parsed = TelegramHtml.Parse(part.Text);
            Assert.True(parsed.Ok, $"{parsed.Error} in:\n{part.Text}");
            Assert.Equal(MessageFormat.TelegramHtml, part.Format);
            Assert.Equal(parsed.Length, TelegramHtmlText.PlainLength(part.Text));
            Assert.InRange(parsed.Length, part.IsPhoto ? 0 : 1, part.IsPhoto ? caption : text);
        }
    }

    [Fact]
    public void An_edition_with_articles_starts_with_the_chart_photo_and_a_short_caption()
    {
        var parts = Render(new EditionBuilder().WithArticles(3).Build());

        var photo = parts[0];
        Assert.True(photo.IsPhoto);
        Assert.Equal(FakeChartRenderer.Png, photo.Photo);
        Assert.Equal("digest-2026-04-16.png", photo.PhotoName);
        Assert.StartsWith("📰 <b>AI Daily Digest — 2026-04-16</b>", photo.Text, StringComparison.Ordinal);
        Assert.Contains("89/92 sources", photo.Text, StringComparison.Ordinal);
        Assert.All(parts.Skip(1), p => Assert.False(p.IsPhoto));
        AssertTelegramAccepts(parts, 4096, 1024);
    }

    [Theory]
    [InlineData(3, 4096, 1024)]
    [InlineData(15, 4096, 1024)]
    [InlineData(60, 4096, 1024)]
    [InlineData(15, 300, 120)]
    [InlineData(60, 300, 60)]
    [InlineData(60, 80, 40)]
    public void Every_part_parses_as_Telegram_HTML_and_fits_the_limits(int articles, int text, int caption)
    {
        var parts = Render(new EditionBuilder().WithArticles(articles).Build(), text, caption);

        AssertTelegramAccepts(parts, text, caption);
        if (text < 4096)
        {
            Assert.True(parts.Count > 3, "small limits must force several parts");
        }
    }

    [Theory]
    [InlineData(3, 4096)]
    [InlineData(60, 4096)]
    [InlineData(60, 300)]
    public void Every_article_of_the_cut_is_listed_once_in_reading_order(int articles, int limit)
    {
        var edition = new EditionBuilder().WithArticles(articles).Build().CutFor(null, articles);
        var plain = AllPlainText(Render(edition, limit));

        var position = -1;
        var number = 0;
        foreach (var item in ReadingOrder(edition))
        {
            var heading = $"{++number}. {item.Title}\n";
            var at = plain.IndexOf(heading, StringComparison.Ordinal);
            Assert.True(at > position, $"'{heading.Trim()}' missing or out of order");
            Assert.Equal(at, plain.LastIndexOf(heading, StringComparison.Ordinal));
            position = at;
        }
    }

    [Fact]
    public void Sections_follow_the_first_appearance_of_their_category_in_rank_order()
    {
        var edition = new EditionBuilder()
            .WithArticle("Top essay", Category.Opinion)
            .WithArticle("Model news", Category.AiMl)
            .WithArticle("Second essay", Category.Opinion)
            .Build();
        var plain = AllPlainText(Render(edition));

        Assert.Contains("💡 Opinion / Essays\n\n1. Top essay\n", plain, StringComparison.Ordinal);
        Assert.Contains("\n\n2. Second essay\n", plain, StringComparison.Ordinal);
        Assert.Contains("🤖 AI / ML\n\n3. Model news\n", plain, StringComparison.Ordinal);
        Assert.True(plain.IndexOf("Opinion / Essays\n", StringComparison.Ordinal) < plain.IndexOf("🤖 AI / ML\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_subscribers_cut_lists_only_its_articles_and_says_how_many_are_theirs()
    {
        var edition = new EditionBuilder().WithArticles(14).Build();
        var cut = edition.CutFor(new HashSet<Category> { Category.Security }, 10);
        var plain = AllPlainText(Render(cut));

        Assert.Contains("Selected: 14 (2 for you)", plain, StringComparison.Ordinal);
        Assert.Contains("1. Article number 6 about models\n", plain, StringComparison.Ordinal);
        Assert.Contains("2. Article number 13 about models\n", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Article number 1 about", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Must_reads_carry_medals_in_rank_order_with_source_age_category_and_why()
    {
        var edition = new EditionBuilder()
            .WithArticle("Gold", Category.Opinion, source: "dwarkesh.com", age: TimeSpan.FromHours(22), why: "Straight from the CEO.")
            .WithArticle("Silver")
            .WithArticle("Bronze")
            .WithArticle("Not a must read")
            .Build();
        var plain = AllPlainText(Render(edition));

        Assert.Contains("🏆 Must read\n🥇 Gold\ndwarkesh.com · 22h ago · 💡 Opinion / Essays\n💡 Why read it: Straight from the CEO.", plain, StringComparison.Ordinal);
        var gold = plain.IndexOf("🥇 Gold", StringComparison.Ordinal);
        var silver = plain.IndexOf("🥈 Silver", StringComparison.Ordinal);
        var bronze = plain.IndexOf("🥉 Bronze", StringComparison.Ordinal);
        Assert.True(gold < silver && silver < bronze);
        Assert.DoesNotContain("🏅", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Must_read_titles_link_to_the_article()
    {
        var edition = new EditionBuilder().WithArticle("Linked", url: "https://example.com/x?a=1&b=2").Build();

        var html = string.Join("\n", TextParts(Render(edition)));

        Assert.Contains("🥇 <a href=\"https://example.com/x?a=1&amp;b=2\">Linked</a>", html, StringComparison.Ordinal);
        Assert.Contains("<b>1. <a href=\"https://example.com/x?a=1&amp;b=2\">Linked</a></b>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_offline_note_appears_only_when_the_edition_was_assessed_offline(bool offline)
    {
        var builder = new EditionBuilder().WithArticles(3);
        var edition = (offline ? builder.Offline() : builder).Build();

        var plain = AllPlainText(Render(edition));

        Assert.Equal(offline, plain.Contains("Assessed offline (no LLM)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_footer_counts_sources_articles_and_selection()
    {
        var parts = Render(new EditionBuilder().WithArticles(3).Build());

        var last = TelegramHtml.Parse(parts[^1].Text).PlainText;
        Assert.EndsWith("Generated at 2026-04-16 14:01 UTC | Scanned 89 sources -> 2542 articles -> selected 3", last, StringComparison.Ordinal);
    }

    [Fact]
    public void Ages_are_measured_against_the_edition_clock()
    {
        var edition = new EditionBuilder()
            .WithArticle("Fresh", age: TimeSpan.FromMinutes(20))
            .WithArticle("Hours", age: TimeSpan.FromHours(3.9))
            .WithArticle("Days", age: TimeSpan.FromDays(3))
            .Build();

        var plain = AllPlainText(Render(edition));

        Assert.Contains("example.com · 20m ago · ⭐", plain, StringComparison.Ordinal);
        Assert.Contains("example.com · 3h ago · ⭐", plain, StringComparison.Ordinal);
        Assert.Contains("example.com · 3d ago · ⭐", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_edition_is_text_only_and_says_so()
    {
        var parts = Render(new EditionBuilder().Build());

        Assert.DoesNotContain(parts, p => p.IsPhoto);
        Assert.Contains("Nothing made it into this edition.", AllPlainText(parts), StringComparison.Ordinal);
        AssertTelegramAccepts(parts, 4096, 1024);
    }

    [Fact]
    public void A_failing_chart_costs_the_photo_not_the_edition()
    {
        var charts = new FakeChartRenderer(fail: true);
        var parts = new TelegramEditionRenderer(charts).Render(new EditionBuilder().WithArticles(3).Build());

        Assert.Equal(1, charts.Calls);
        Assert.DoesNotContain(parts, p => p.IsPhoto);
        Assert.Contains("1. Article number 1 about models", AllPlainText(parts), StringComparison.Ordinal);
    }

    [Fact]
    public void The_renderer_is_for_telegram() =>
        Assert.Equal("telegram", new TelegramEditionRenderer(new FakeChartRenderer()).Platform);
}
