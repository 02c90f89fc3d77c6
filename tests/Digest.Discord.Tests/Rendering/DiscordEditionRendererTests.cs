using System.Text.RegularExpressions;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Discord.Rendering;
using Digest.TestKit.Editions;

namespace Digest.Discord.Tests.Rendering;

public class DiscordEditionRendererTests
{
    private const int Limit = 2000;

    private static IReadOnlyList<MessagePart> Render(Edition edition, IChartRenderer? charts = null) =>
        new DiscordEditionRenderer(charts ?? new FakeChartRenderer()).Render(edition);

    private static List<string> TextParts(IReadOnlyList<MessagePart> parts) => parts.Where(p => !p.IsPhoto).Select(p => p.Text).ToList();

    private static List<int> Numbers(string text) =>
        [.. Regex.Matches(text, @"^### (\d+)\\\. ", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(15)]
    [InlineData(60)]
    public void Every_part_is_Discord_Markdown_within_2000_characters(int articles)
    {
        var parts = Render(new EditionBuilder().WithArticles(articles, sentences: 4).Build());

        Assert.NotEmpty(TextParts(parts));
        Assert.All(parts, p =>
        {
            Assert.Equal(MessageFormat.DiscordMarkdown, p.Format);
            Assert.InRange(p.Text.Length, 1, Limit);
        });
    }

    [Fact]
    public void Fifteen_articles_split_between_items_and_each_appears_once_in_reading_order()
    {
        var edition = new EditionBuilder().WithArticles(15, sentences: 4).Build();

        var texts = TextParts(Render(edition));

        Assert.True(texts.Count > 1, "fifteen long articles should need more than one message");
        Assert.Equal(Enumerable.Range(1, 15), texts.SelectMany(Numbers));
        foreach (var numbered in ReadingOrder.Of(edition))
        {
            // An item's title and its last line (tags) travel in one message.
            var link = $"](<{numbered.Item.Url}>)";
            var part = Assert.Single(texts, t => t.Contains($"### {numbered.Number}\\. [", StringComparison.Ordinal));
            Assert.Contains(link, part, StringComparison.Ordinal);
            Assert.Contains("🏷️ tag", part, StringComparison.Ordinal);
        }
        Assert.All(texts.Skip(1), t => Assert.Matches(@"^(#{1,3} |-# )", t));
    }

    [Fact]
    public void Links_are_masked_with_the_article_url_in_angle_brackets()
    {
        var edition = new EditionBuilder().WithArticles(5, sentences: 4).Build();

        var all = string.Join("\n\n", TextParts(Render(edition)));

        foreach (var item in edition.Items)
        {
            Assert.Contains($"[Article number {item.Rank} about models](<{item.Url}>)", all, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch(@"\]\((?!<)", DiscordMarkup.Unescaped(all));
    }

    [Fact]
    public void A_hostile_title_is_shown_as_text_with_no_extra_link_and_no_mention()
    {
        const string title = "**bold** _x_ [a](http://evil) @everyone <@&123>";
        var edition = new EditionBuilder().WithArticle(title, url: "https://example.com/real").Build();

        var all = string.Join("\n\n", TextParts(Render(edition)));
        var obeyed = DiscordMarkup.Unescaped(all);

        // The must-read and the article each link once, both to the real URL.
        Assert.Equal(2, DiscordMarkup.Count(obeyed, "]("));
        Assert.Equal(2, DiscordMarkup.Count(all, "](<https://example.com/real>)"));
        Assert.DoesNotContain("http://evil)", obeyed, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", obeyed, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", all, StringComparison.Ordinal);
        Assert.DoesNotContain("**bold**", all, StringComparison.Ordinal);
        Assert.Contains("[\\*\\*bold\\*\\* \\_x\\_ \\[a\\]\\(http\\://evil\\) @\u200Beveryone \\<@&123\\>](<https://example.com/real>)", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Must_reads_carry_their_medals_with_category_facts_and_why()
    {
        var edition = new EditionBuilder().WithArticles(5, sentences: 4).Build();

        var first = TextParts(Render(edition))[0];

        var heading = first.IndexOf("## 🏆 Must Read Today\n", StringComparison.Ordinal);
        var gold = first.IndexOf("### 🥇 [Article number 1 about models]", StringComparison.Ordinal);
        var silver = first.IndexOf("### 🥈 [Article number 2 about models]", StringComparison.Ordinal);
        var bronze = first.IndexOf("### 🥉 [Article number 3 about models]", StringComparison.Ordinal);
        Assert.True(heading >= 0 && heading < gold && gold < silver && silver < bronze, first);
        Assert.DoesNotContain("🏅", first, StringComparison.Ordinal);
        var facts = DiscordMarkdownText.Escape(string.Join(ItemText.Separator, ItemText.MustReadFacts(edition.Items[0], edition.GeneratedAt)));
        Assert.Contains(facts + "\n💡 **Why read it:** It explains the trade\\-offs clearly\\.", first, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_comes_first_as_a_photo_with_a_short_caption()
    {
        var parts = Render(new EditionBuilder().WithArticles(3, sentences: 4).Build());

        var photo = parts[0];
        Assert.True(photo.IsPhoto);
        Assert.Equal(FakeChartRenderer.Png, photo.Photo);
        Assert.Equal("digest-2026-04-16.png", photo.PhotoName);
        Assert.StartsWith("📰 **AI Daily Digest — 2026\\-04\\-16**\n📊 89/92 sources", photo.Text, StringComparison.Ordinal);
        Assert.InRange(photo.Text.Length, 1, Limit);
        Assert.All(parts.Skip(1), p => Assert.False(p.IsPhoto));
        // The post's first message carries the thread for follow-up questions; no other does.
        Assert.Equal("Questions about the 2026-04-16 digest", photo.ThreadName);
        Assert.All(parts.Skip(1), p => Assert.Null(p.ThreadName));
    }

    [Fact]
    public void A_failing_chart_renderer_still_yields_every_text_part()
    {
        var edition = new EditionBuilder().WithArticles(15, sentences: 4).Build();
        var failing = new FakeChartRenderer(fail: true);

        var parts = Render(edition, failing);

        Assert.Equal(1, failing.Calls);
        Assert.DoesNotContain(parts, p => p.IsPhoto);
        Assert.Equal(TextParts(Render(edition)), parts.Select(p => p.Text));
    }

    [Fact]
    public void An_empty_edition_says_so_without_a_chart()
    {
        var charts = new FakeChartRenderer();

        var parts = Render(new EditionBuilder().Build(), charts);

        Assert.Equal(0, charts.Calls);
        Assert.Contains(DiscordMarkdownText.Escape(EditionText.Empty), Assert.Single(parts).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_longer_than_a_message_is_cut_at_a_word_and_keeps_its_link()
    {
        var summary = string.Concat(Enumerable.Repeat("A very long summary sentence. ", 120));
        var edition = new EditionBuilder().WithArticle("Long one", url: "https://example.com/long", summary: summary).Build();

        var part = Assert.Single(TextParts(Render(edition)), t => t.Contains("### 1\\. ", StringComparison.Ordinal));

        Assert.InRange(part.Length, 1, Limit);
        Assert.Contains("### 1\\. [Long one](<https://example.com/long>)\n", part, StringComparison.Ordinal);
        Assert.Matches(@"\n> A very long summary sentence\\\..* (A|very|long|summary|sentence\\\.)…\n💡 \*\*Why read it:\*\* .+\n🏷️ LLM, Training$", part);
    }

    [Fact]
    public void The_overview_topics_and_footer_use_the_shared_phrases()
    {
        var edition = new EditionBuilder().WithArticles(4, sentences: 4).Offline().Build();

        var all = string.Join("\n\n", TextParts(Render(edition)));

        Assert.Contains("## 📊 Data Overview\nSources\\: 89/92 ok\nArticles\\: 2542 fetched → 26 in window\nWindow\\: 24h\nSelected\\: 4", all, StringComparison.Ordinal);
        Assert.Contains("\n" + DiscordMarkdownText.Escape("By category: " + EditionText.Categories(edition.Stats)), all, StringComparison.Ordinal);
        Assert.Contains("### 🔑 Top Keywords\n```\n", all, StringComparison.Ordinal);
        Assert.Contains("### 🏷️ Topic Tags\n**ai\\(4\\)** · **news\\(4\\)**", all, StringComparison.Ordinal);
        Assert.Contains("-# " + DiscordMarkdownText.Escape(EditionText.Footer(edition)), all, StringComparison.Ordinal);
        Assert.EndsWith("-# ⚠️ " + DiscordMarkdownText.Escape(EditionText.OfflineNote), all, StringComparison.Ordinal);
        Assert.Contains("## 🤖 AI / ML\n### 1\\. ", all, StringComparison.Ordinal);
        Assert.Contains(DiscordMarkdownText.Escape(string.Join(ItemText.Separator, ItemText.Facts(edition.Items[0], edition.GeneratedAt))), all, StringComparison.Ordinal);
    }
}
