using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Weekly;

namespace Digest.Core.Tests.Weekly;

public sealed class WeeklyStoriesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void One_story_stored_twice_on_different_days_is_one_story_of_the_week()
    {
        var articles = new[]
        {
            A(1, "Google releases Gemini 3.1 Flash TTS model", "a.example", days: 0),
            A(2, "Gemini 3.1 Flash TTS model released by Google", "b.example", days: 3),
            A(3, "Rust 1.92 stabilizes async closures", "c.example", days: 1),
        };

        var stories = WeeklyStories.Rank(articles, Scores(articles, (1, 20), (2, 24), (3, 21)));

        Assert.Equal(2, stories.Count);
        var gemini = stories.Single(s => s.Sources == 2);
        Assert.Equal(2, gemini.Lead.Id);
        Assert.Equal([1L], gemini.Others.Select(a => a.Id));
    }

    [Fact]
    public void Coverage_across_sources_outranks_a_slightly_better_single_article()
    {
        var articles = new[]
        {
            A(1, "Kubernetes 1.35 ships in-place pod resize", "a.example", days: 0, story: 1),
            A(2, "Kubernetes 1.35 is out", "b.example", days: 0, story: 1),
            A(3, "What Kubernetes 1.35 changes for you", "c.example", days: 1, story: 1),
            A(4, "A deep dive into Postgres 19 planner changes", "d.example", days: 2),
        };

        var stories = WeeklyStories.Rank(articles, Scores(articles, (1, 18), (2, 15), (3, 14), (4, 24)));

        Assert.Equal([1L, 4], stories.Select(s => s.Lead.Id));
        Assert.Equal(3, stories[0].Sources);
    }

    [Fact]
    public void Articles_without_an_assessment_are_left_out() =>
        Assert.Empty(WeeklyStories.Rank([A(1, "Unscored", "a.example", days: 0)], new Dictionary<long, Assessment>()));

    private static Article A(long id, string title, string source, double days, long? story = null) =>
        new(id, $"https://{source}/{id}", null, $"https://{source}/feed", source, title, string.Empty,
            Monday.AddDays(days), Monday.AddDays(days), story ?? id);

    private static Dictionary<long, Assessment> Scores(IEnumerable<Article> articles, params (long Id, int Total)[] totals) =>
        articles.ToDictionary(
            a => a.Id,
            a => new Assessment(a.Id, totals.Single(t => t.Id == a.Id).Total - 10, 5, 5, Category.AiMl, [], "test", "v1", Monday));
}
