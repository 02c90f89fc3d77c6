using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Rendering;

namespace Digest.Core.Tests.Rendering;

/// <summary>What every renderer says the same way: one place, so Markdown, Telegram and Discord cannot drift apart.</summary>
public class SharedTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 16, 14, 1, 0, TimeSpan.Zero);

    private static EditionItem Item(int rank, string title = "A title", IReadOnlyList<string>? tags = null, Category category = Category.AiMl) =>
        new(rank, rank, title, "https://example.com/" + rank, "example.com", Now.AddHours(-rank), category, 8, 7, 6, [], tags ?? [], "Summary.", "Why.", rank <= 3, rank <= 3 ? rank : 0);

    private static Edition Edition(IReadOnlyList<EditionItem> items, int selected = -1, EditionKind kind = EditionKind.Daily) =>
        new(1, kind, new DateOnly(2026, 4, 16), Now, "en", false, "Highlights.", items,
            new EditionStats(4, 5, 90, 12, TimeSpan.FromHours(24), selected < 0 ? items.Count : selected, [new(Category.AiMl, 2), new(Category.Tools, 1)], []));

    [Theory]
    [InlineData(0.5, "just now")]
    [InlineData(30, "30m ago")]
    [InlineData(59, "59m ago")]
    [InlineData(60, "1h ago")]
    [InlineData(47 * 60, "47h ago")]
    [InlineData(72 * 60, "3d ago")]
    public void Ages_are_minutes_under_an_hour_hours_under_two_days_then_days(double minutes, string expected) =>
        Assert.Equal(expected, RelativeAge.Format(Now.AddMinutes(-minutes), Now));

    [Theory]
    [InlineData(30, "30m")]
    [InlineData(24 * 60, "24h")]
    [InlineData(36 * 60, "36h")]
    [InlineData(7 * 24 * 60, "7d")]
    public void Windows_are_minutes_hours_or_whole_days(int minutes, string expected) =>
        Assert.Equal(expected, ItemText.Window(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void An_article_line_says_source_age_score_and_who_else_covered_it()
    {
        var item = Item(2) with { AlsoCoveredBy = ["a.com", "b.com"] };

        Assert.Equal(["example.com", "2h ago", "⭐ 21/30", "also covered by a.com, b.com"], ItemText.Facts(item, Now));
        Assert.Equal(["example.com", "2h ago", "🤖 AI / ML", "also covered by a.com, b.com"], ItemText.MustReadFacts(item, Now));
        Assert.Equal(["example.com", "2h ago", "⭐ 21/30"], ItemText.Facts(Item(2), Now));
    }

    [Fact]
    public void Titles_are_one_line_never_empty_and_updates_say_so()
    {
        Assert.Equal("Two lines", ItemText.Title(Item(1, "Two\n  lines")));
        Assert.Equal("(untitled)", ItemText.Title(Item(1, " \n ")));
        Assert.Equal("Update: (untitled)", ItemText.Title(Item(1, "") with { IsUpdate = true }));
        Assert.Equal("(untitled)", ItemText.LinkText(Item(1, "") with { IsUpdate = true }));
    }

    [Fact]
    public void Medals_go_gold_silver_bronze_then_a_plain_one() =>
        Assert.Equal(["🥇", "🥈", "🥉", "🏅"], new[] { 1, 2, 3, 4 }.Select(ItemText.Medal));

    [Fact]
    public void Topics_count_the_tags_of_the_articles_shown_most_used_first_then_as_met()
    {
        var edition = Edition([Item(1, tags: ["Rust", "wasm"]), Item(2, tags: ["rust ", "Go", "RUST"]), Item(3, tags: ["go", "  "])]);

        var topics = EditionTopics.Of(edition);

        Assert.Equal(["rust(2)", "go(2)", "wasm(1)"], topics.Select(EditionTopics.Label));
    }

    [Fact]
    public void Topics_stop_at_twenty()
    {
        var edition = Edition([Item(1, tags: [.. Enumerable.Range(1, 30).Select(i => $"t{i}")])]);

        Assert.Equal(EditionTopics.Shown, EditionTopics.Of(edition).Count);
    }

    [Fact]
    public void A_cut_says_how_many_of_the_selection_are_for_you()
    {
        Assert.Equal("3", EditionText.Selected(Edition([Item(1), Item(2), Item(3)])));
        Assert.Equal("14 (2 for you)", EditionText.Selected(Edition([Item(1), Item(2)], selected: 14)));
    }

    [Fact]
    public void The_footer_states_the_time_in_UTC_whatever_the_offset_it_was_stored_with()
    {
        var edition = Edition([Item(1)]) with { GeneratedAt = new DateTimeOffset(2026, 4, 16, 16, 1, 0, TimeSpan.FromHours(2)) };

        Assert.Equal("Generated at 2026-04-16 14:01 UTC | Scanned 4 sources -> 90 articles -> selected 1", EditionText.Footer(edition));
    }

    [Fact]
    public void Titles_and_headings_follow_the_kind_of_edition()
    {
        var daily = Edition([]);
        var weekly = daily with { Kind = EditionKind.Weekly };

        Assert.Equal("AI Daily Digest — 2026-04-16", EditionText.Title(daily));
        Assert.Equal("AI Weekly Briefing — 2026-04-16", EditionText.Title(weekly));
        Assert.Equal("Today's Highlights", EditionText.HighlightsHeading(daily));
        Assert.Equal("This Week's Highlights", EditionText.HighlightsHeading(weekly));
    }

    [Fact]
    public void Categories_are_listed_with_their_emoji_and_count() =>
        Assert.Equal("🤖 AI / ML 2 · 🛠 Tools / Open Source 1", EditionText.Categories(Edition([]).Stats));

    [Fact]
    public void The_markdown_renderer_is_an_edition_renderer_of_one_markdown_part()
    {
        var edition = Edition([Item(1, tags: ["rust"])]);
        IEditionRenderer renderer = new MarkdownRenderer("console");

        var part = Assert.Single(renderer.Render(edition));

        Assert.Equal("console", renderer.Platform);
        Assert.Equal(MessageFormat.Markdown, part.Format);
        Assert.Equal(MarkdownRenderer.Render(edition), part.Text);
    }

    [Fact]
    public void Markdown_puts_the_shared_phrases_in_its_own_markup()
    {
        var edition = Edition([Item(1, tags: ["rust"]), Item(4, "Fourth", tags: ["rust", "go"])], selected: 9) with { AssessedOffline = true };

        var md = MarkdownRenderer.Render(edition);

        Assert.Contains("> " + EditionText.OfflineNote, md, StringComparison.Ordinal);
        Assert.Contains("— example.com · 1h ago · 🤖 AI / ML\n", md, StringComparison.Ordinal);
        Assert.Contains("— example.com · 4h ago · ⭐ 21/30\n", md, StringComparison.Ordinal);
        Assert.Contains("| 4/5 | 90 -> 12 | 24h | 9 (2 for you) |", md, StringComparison.Ordinal);
        Assert.Contains("**rust**(2) · **go**(1)", md, StringComparison.Ordinal);
        Assert.EndsWith("*" + EditionText.Footer(edition) + "*\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_markdown_edition_says_so() =>
        Assert.Contains(EditionText.Empty, MarkdownRenderer.Render(Edition([])), StringComparison.Ordinal);
}
