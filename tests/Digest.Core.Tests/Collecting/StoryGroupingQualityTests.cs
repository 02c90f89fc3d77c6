using Digest.Core.Articles;
using Digest.Core.Collecting;
using Xunit.Abstractions;

namespace Digest.Core.Tests.Collecting;

public class StoryGroupingQualityTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Memory = TimeSpan.FromDays(7);

    [Fact]
    public void A_labelled_week_of_stories_is_grouped_with_pairwise_F1_of_at_least_0_9()
    {
        var articles = LabelledStories.Generate();

        var score = PairwiseScore.Of(articles, GroupDayByDay(articles.Select(a => a.Article)));

        output.WriteLine($"{articles.Count} articles in {articles.Select(a => a.Story).Distinct().Count()} stories: {score}");
        foreach (var mistake in score.Mistakes)
        {
            output.WriteLine(mistake);
        }
        Assert.True(score.F1 >= 0.9, score.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Other_weeks_drawn_from_the_same_scripts_score_as_well(int seed)
    {
        // Other outlets, other paraphrase choices, other times: the score must not hang on one lucky draw.
        var articles = LabelledStories.Generate(seed);

        var score = PairwiseScore.Of(articles, GroupDayByDay(articles.Select(a => a.Article)));

        output.WriteLine(score.ToString());
        Assert.True(score.F1 >= 0.9, score.ToString());
    }

    [Fact]
    public void Articles_arriving_in_another_order_are_grouped_about_the_same()
    {
        var articles = LabelledStories.Generate();
        var forward = GroupDayByDay(articles.Select(a => a.Article));
        // Same days, but each day's articles reach the store (and get their ids) in reverse.
        var reversedIds = articles.Select(a => a.Article)
            .GroupBy(a => a.FirstSeenAt.UtcDateTime.Date)
            .SelectMany(day => day.OrderByDescending(a => a.Id))
            .Select((a, i) => (Original: a.Id, Article: a with { Id = i + 1, StoryId = i + 1 }))
            .ToList();
        var backward = GroupDayByDay(reversedIds.Select(r => r.Article));
        var originalOf = reversedIds.ToDictionary(r => r.Article.Id, r => r.Original);

        // Compare as partitions: which articles share a story, whatever the story ids are.
        var forwardStories = articles.Select(a => new LabelledArticle(a.Article, forward[a.Article.Id].ToString())).ToList();
        var agreement = PairwiseScore.Of(forwardStories, backward.ToDictionary(kv => originalOf[kv.Key], kv => kv.Value));

        output.WriteLine($"backward against forward: {agreement}");
        Assert.True(agreement.F1 >= 0.95, agreement.ToString());
    }

    /// <summary>As the collector does it: each day's new articles against the already grouped last seven days.</summary>
    internal static Dictionary<long, long> GroupDayByDay(IEnumerable<Article> articles)
    {
        var grouped = new List<Article>();
        foreach (var day in articles.OrderBy(a => a.Id).GroupBy(a => a.FirstSeenAt.UtcDateTime.Date))
        {
            var grouper = new StoryGrouper(grouped.Where(a => a.FirstSeenAt >= day.Key - Memory));
            grouped.AddRange(day.Select(a => a with { StoryId = grouper.Assign(a) }).ToList());
        }
        return grouped.ToDictionary(a => a.Id, a => a.StoryId);
    }
}
