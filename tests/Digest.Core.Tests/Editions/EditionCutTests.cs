using Digest.Core.Articles;
using Digest.Core.Editions;

namespace Digest.Core.Tests.Editions;

public sealed class EditionCutTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void With_nothing_sent_before_the_cut_is_the_editions_own_items_ranks_and_must_reads()
    {
        var edition = Edition(items: 4, reserve: 2);

        var cut = edition.CutFor(null, 3);

        Assert.Equal([1, 2, 3], cut.Items.Select(i => i.ArticleId));
        Assert.Equal([1, 2, 3], cut.Items.Select(i => i.Rank));
        Assert.Empty(cut.Reserve);
        Assert.Equal([1], cut.MustReads.Select(i => i.ArticleId));
    }

    [Fact]
    public void Articles_already_sent_are_left_out_and_the_reserve_fills_their_places_ranked_again()
    {
        var edition = Edition(items: 4, reserve: 2);
        var sent = Sent(articles: [1, 3], at: Now.AddDays(-1));

        var cut = edition.CutFor(null, 4, sent);

        Assert.Equal([2, 4, 5, 6], cut.Items.Select(i => i.ArticleId));
        Assert.Equal([1, 2, 3, 4], cut.Items.Select(i => i.Rank));
        // The best of what is left is the must-read now that the first one was seen.
        Assert.Equal([2], cut.MustReads.Select(i => i.ArticleId));
        Assert.DoesNotContain(cut.Items, i => i.IsUpdate);
    }

    [Fact]
    public void Another_article_of_a_story_already_sent_is_left_out_unless_it_is_news_since_then_it_is_an_update()
    {
        var sentAt = Now.AddHours(-12);
        var edition = Edition(items: 3, reserve: 1) with
        {
            Items =
            [
                Item(1, story: 100, publishedAt: sentAt.AddHours(-2)),
                Item(2, story: 200, publishedAt: sentAt.AddHours(3)),
                Item(3, story: 3, publishedAt: sentAt.AddHours(1)),
            ],
        };
        var sent = new SentBefore(new HashSet<long> { 50, 60 }, new Dictionary<long, DateTimeOffset> { [100] = sentAt, [200] = sentAt });

        var cut = edition.CutFor(null, 10, sent);

        Assert.Equal([2, 3, 4], cut.Items.Select(i => i.ArticleId));
        Assert.True(cut.Items.Single(i => i.ArticleId == 2).IsUpdate);
        Assert.False(cut.Items.Single(i => i.ArticleId == 3).IsUpdate);
    }

    [Fact]
    public void A_story_shows_once_in_a_cut_its_update_only_to_those_who_had_it()
    {
        var sentAt = Now.AddHours(-12);
        var edition = Edition(items: 2, reserve: 0) with
        {
            Reserve = [Item(9, story: 1, publishedAt: sentAt.AddHours(2))],
        };

        var fresh = edition.CutFor(null, 5);
        var hadIt = edition.CutFor(null, 5, new SentBefore(new HashSet<long> { 1 }, new Dictionary<long, DateTimeOffset> { [1] = sentAt }));

        Assert.Equal([1, 2], fresh.Items.Select(i => i.ArticleId));
        Assert.Equal([2, 9], hadIt.Items.Select(i => i.ArticleId));
        Assert.Equal("Update: Article 9", Digest.Core.Rendering.ItemText.Title(hadIt.Items[1]));
    }

    [Fact]
    public void Categories_still_filter_and_the_reserve_only_gives_articles_of_those_categories()
    {
        var edition = Edition(items: 3, reserve: 3, category: id => id % 2 == 0 ? Category.Security : Category.AiMl);

        var cut = edition.CutFor(new HashSet<Category> { Category.Security }, 5);

        Assert.Equal([2, 4, 6], cut.Items.Select(i => i.ArticleId));
    }

    private static SentBefore Sent(long[] articles, DateTimeOffset at) =>
        new(articles.ToHashSet(), articles.ToDictionary(a => a, _ => at));

    private static Edition Edition(int items, int reserve, Func<long, Category>? category = null)
    {
        var all = Enumerable.Range(1, items + reserve)
            .Select(i => Item(i, story: i, publishedAt: Now.AddHours(-i), category?.Invoke(i) ?? Category.AiMl))
            .ToList();
        var main = all.Take(items).Select(i => i with { MustRead = i.ArticleId == 1, MustReadRank = i.ArticleId == 1 ? 1 : 0 }).ToList();
        return new Edition(7, EditionKind.Daily, DateOnly.FromDateTime(Now.UtcDateTime), Now, "en", false, "Highlights", main,
            new EditionStats(1, 1, items + reserve, items + reserve, TimeSpan.FromHours(24), items, [], []))
        {
            Reserve = all.Skip(items).ToList(),
        };
    }

    /// <summary>Lower ids score higher, so id order is rank order.</summary>
    private static EditionItem Item(long id, long story, DateTimeOffset publishedAt, Category category = Category.AiMl) =>
        new((int)id, id, $"Article {id}", $"https://blog.example/{id}", "blog.example", publishedAt, category,
            Relevance: 10, Quality: 10, Timeliness: (int)(10 - id), [], [], "Summary.", "Why.", MustRead: false, MustReadRank: 0)
        {
            StoryId = story,
        };
}
