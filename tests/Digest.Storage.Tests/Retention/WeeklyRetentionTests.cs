using Digest.Core.Articles;
using Digest.Core.Editions;
using Digest.Storage.Articles;
using Digest.Storage.Editions;
using Digest.Storage.Retention;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Retention;

/// <summary>A weekly briefing is kept like a daily: only a later weekly of its date supersedes it, never a daily.</summary>
public sealed class WeeklyRetentionTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Old = Now.AddDays(-2);
    private static readonly DateTimeOffset Before = Now.AddDays(-1);
    private static readonly DateOnly Sunday = new(2025, 6, 1);

    [Fact]
    public async Task A_daily_and_a_weekly_of_the_same_day_are_both_kept_with_the_articles_they_cite()
    {
        await using var test = await TestDatabase.CreateAsync();
        var articles = await new SqliteArticleStore(test.Db).AddNewAsync(
        [
            Article("https://news.example/daily") with { FirstSeenAt = Old },
            Article("https://pod.example/episode") with { FirstSeenAt = Old },
            Article("https://arxiv.example/paper") with { FirstSeenAt = Old },
            Article("https://arxiv.example/dropped") with { FirstSeenAt = Old },
        ], Ct);
        var (daily, episode, paper, dropped) = (articles[0].Id, articles[1].Id, articles[2].Id, articles[3].Id);
        var editions = new SqliteEditionStore(test.Db);

        var firstWeekly = await editions.SaveAsync(Composed(EditionKind.Weekly, Old, dropped), Ct);
        var theDaily = await editions.SaveAsync(Composed(EditionKind.Daily, Old.AddHours(1), daily), Ct);
        var lastWeekly = await editions.SaveAsync(Composed(EditionKind.Weekly, Old.AddHours(2), episode, paper), Ct);
        var pruned = await new SqliteRetentionStore(test.Db).PruneAsync(Before, Before, Ct);

        Assert.Null(await editions.GetAsync(firstWeekly.Id, Ct));
        Assert.NotNull(await editions.GetAsync(theDaily.Id, Ct));
        Assert.NotNull(await editions.GetAsync(lastWeekly.Id, Ct));
        Assert.Equal(1, pruned.Editions);
        var kept = await new SqliteArticleStore(test.Db).GetByIdsAsync([daily, episode, paper, dropped], Ct);
        Assert.Equal([daily, episode, paper], kept.Select(a => a.Id));
    }

    [Fact]
    public async Task A_later_daily_does_not_supersede_the_weekly_of_its_day()
    {
        await using var test = await TestDatabase.CreateAsync();
        var editions = new SqliteEditionStore(test.Db);

        var weekly = await editions.SaveAsync(Composed(EditionKind.Weekly, Old), Ct);
        await editions.SaveAsync(Composed(EditionKind.Daily, Old.AddHours(1)), Ct);
        await editions.SaveAsync(Composed(EditionKind.Daily, Old.AddHours(2)), Ct);
        var pruned = await new SqliteRetentionStore(test.Db).PruneAsync(Before, Before, Ct);

        Assert.Equal(1, pruned.Editions);
        Assert.Equal(EditionKind.Weekly, (await editions.GetAsync(weekly.Id, Ct))?.Kind);
        Assert.Equal(weekly.Id, (await editions.GetLatestAsync(EditionKind.Weekly, Ct))?.Id);
    }

    private static Edition Composed(EditionKind kind, DateTimeOffset generatedAt, params long[] citing) =>
        Edition(Sunday) with { Kind = kind, GeneratedAt = generatedAt, Items = citing.Select(Item).ToList() };

    private static EditionItem Item(long articleId, int rank) => new(rank + 1, articleId, "Title", "https://a.example/x", "a.example",
        Now, Category.AiMl, 5, 5, 5, [], [], "Summary.", "Why.", MustRead: false, MustReadRank: 0);
}
