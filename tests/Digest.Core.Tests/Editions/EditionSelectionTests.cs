using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Editions;

namespace Digest.Core.Tests.Editions;

public class EditionSelectionTests
{
    private static Article A(long id, string source, long story) =>
        new(id, $"https://e.com/{id}", null, "f", source, $"t{id}", "", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, story);

    private static Assessment S(long id, int total) =>
        new(id, total / 3, total / 3, total - 2 * (total / 3), Category.AiMl, ["k"], "m", "v", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Best_scores_win_with_one_article_per_story_and_a_cap_per_source()
    {
        var articles = new[] { A(1, "a", 1), A(2, "a", 2), A(3, "a", 3), A(4, "b", 1), A(5, "b", 5), A(6, "c", 6) };
        var scores = new Dictionary<long, Assessment>
        {
            [1] = S(1, 29),
            [2] = S(2, 28),
            [3] = S(3, 27),
            [4] = S(4, 26),
            [5] = S(5, 20),
            [6] = S(6, 10),
        };

        var picked = EditionSelection.Select(articles, scores, top: 4, perSourceCap: 2);

        Assert.Equal([1L, 2L, 5L, 6L], picked.Select(p => p.Article.Id));
    }

    [Fact]
    public void Articles_without_an_assessment_are_not_selected()
    {
        var picked = EditionSelection.Select([A(1, "a", 1)], new Dictionary<long, Assessment>(), 10, 3);
        Assert.Empty(picked);
    }

    [Fact]
    public void The_reserve_takes_the_next_best_and_a_picked_story_again_only_with_a_newer_article()
    {
        var at = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var articles = new[]
        {
            A(1, "a", 1) with { PublishedAt = at },
            A(2, "b", 2) with { PublishedAt = at },
            A(3, "c", 1) with { PublishedAt = at.AddHours(-1) },
            A(4, "d", 1) with { PublishedAt = at.AddHours(2) },
            A(5, "e", 5) with { PublishedAt = at },
            A(6, "f", 5) with { PublishedAt = at.AddHours(1) },
        };
        var scores = articles.ToDictionary(a => a.Id, a => S(a.Id, 30 - (int)a.Id));
        var main = EditionSelection.Select(articles, scores, top: 2, perSourceCap: 3);

        var reserve = EditionSelection.SelectReserve(articles, scores, main, reserve: 3, perSourceCap: 3);

        // 3 is older than story 1's pick, so it is no update; 4 is; 5 is a story of its own, which 6 then repeats.
        Assert.Equal([1L, 2L], main.Select(p => p.Article.Id));
        Assert.Equal([4L, 5L], reserve.Select(p => p.Article.Id));
    }
}
