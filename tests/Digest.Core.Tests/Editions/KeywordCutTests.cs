using Digest.Core.Articles;
using Digest.Core.Editions;

namespace Digest.Core.Tests.Editions;

public sealed class KeywordCutTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_muted_keyword_leaves_its_articles_out_and_the_reserve_fills_their_place()
    {
        var edition = Edition(
            [Item(1, 27, title: "Crypto winter again"), Item(2, 26), Item(3, 25, keywords: ["cryptos"])],
            reserve: [Item(4, 20), Item(5, 19)]);

        var cut = edition.CutFor(null, 3, taste: Taste(mutes: ["crypto"]));

        Assert.Equal([2, 4, 5], cut.Items.Select(i => i.ArticleId));
        Assert.Equal([1, 2, 3], cut.Items.Select(i => i.Rank));
        // The best of what is left is the must-read once the first one is muted.
        Assert.Equal([2], cut.MustReads.Select(i => i.ArticleId));
    }

    [Fact]
    public void A_boosted_article_ranks_as_if_it_scored_five_more_and_can_come_in_from_the_reserve()
    {
        var edition = Edition(
            [Item(1, 27), Item(2, 24), Item(3, 23)],
            reserve: [Item(4, 21, tags: ["#Rust"]), Item(5, 20, title: "Rust in the kernel")]);

        var cut = edition.CutFor(null, 3, taste: Taste(boosts: ["rust"]));

        // 21 + 5 = 26 passes 24 and 23; 20 + 5 = 25 passes them too; 27 stays first.
        Assert.Equal([1, 4, 5], cut.Items.Select(i => i.ArticleId));
        Assert.Equal([1], cut.MustReads.Select(i => i.ArticleId));
    }

    [Fact]
    public void A_boost_by_category_slug_lifts_that_category_and_words_only_match_whole()
    {
        var edition = Edition(
            [Item(1, 27), Item(2, 25, title: "Trust and safety"), Item(3, 24, category: Category.Security)],
            reserve: []);

        var bySlug = edition.CutFor(null, 3, taste: Taste(boosts: ["security"]));
        var byWord = edition.CutFor(null, 3, taste: Taste(boosts: ["rust"]));

        Assert.Equal(3, bySlug.MustReads.First().ArticleId);
        // "rust" is not in "Trust": nothing is boosted, so the edition's own order and must-reads stand.
        Assert.Equal([1, 2, 3], byWord.Items.Select(i => i.ArticleId));
        Assert.Equal([1], byWord.MustReads.Select(i => i.ArticleId));
    }

    private static KeywordTaste Taste(string[]? boosts = null, string[]? mutes = null) =>
        new((boosts ?? []).ToHashSet(), (mutes ?? []).ToHashSet());

    private static Edition Edition(IReadOnlyList<EditionItem> items, IReadOnlyList<EditionItem> reserve) =>
        new(7, EditionKind.Daily, DateOnly.FromDateTime(Now.UtcDateTime), Now, "en", false, "Highlights",
            items.Select(i => i with { MustRead = i.ArticleId == 1, MustReadRank = i.ArticleId == 1 ? 1 : 0 }).ToList(),
            new EditionStats(1, 1, 5, 5, TimeSpan.FromHours(24), items.Count, [], []))
        {
            Reserve = reserve,
        };

    private static EditionItem Item(long id, int total, string? title = null, string[]? keywords = null, string[]? tags = null,
        Category category = Category.AiMl) =>
        new((int)id, id, title ?? $"Article {id}", $"https://blog.example/{id}", "blog.example", Now.AddHours(-id), category,
            Relevance: 10, Quality: 10, Timeliness: total - 20, keywords ?? [], tags ?? [], "Summary.", "Why.", MustRead: false,
            MustReadRank: 0)
        {
            StoryId = id,
        };
}
