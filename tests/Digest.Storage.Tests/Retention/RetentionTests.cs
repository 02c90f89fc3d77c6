using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Core.Retention;
using Digest.Storage.Articles;
using Digest.Storage.Assessing;
using Digest.Storage.Collecting;
using Digest.Storage.Delivery;
using Digest.Storage.Editions;
using Digest.Storage.Retention;
using Digest.Storage.Sql;
using Digest.Storage.Tests.Delivery;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Retention;

public sealed class RetentionTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly DateTimeOffset Old = Now.AddDays(-2);
    private static readonly DateTimeOffset Before = Now.AddDays(-1);

    [Fact]
    public async Task Pruning_deletes_what_is_finished_and_old_and_keeps_what_is_owed_or_cited()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (recentEdition, subscribers) = await DeliveryTargetsAsync(test.Db, 2);
        var articles = await new SqliteArticleStore(test.Db).AddNewAsync(
        [
            Article("https://a.example/cited", title: "Cited story") with { FirstSeenAt = Old },
            Article("https://a.example/uncited", title: "Forgotten story") with { FirstSeenAt = Old },
            Article("https://a.example/new", title: "Fresh story"),
        ], Ct);
        var (cited, uncited, fresh) = (articles[0].Id, articles[1].Id, articles[2].Id);
        var assessments = new SqliteAssessmentStore(test.Db);
        await assessments.SaveAsync([Assess(cited), Assess(uncited), Assess(fresh)], Ct);
        await assessments.SaveWriteupAsync(new Writeup(uncited, "Summary.", "Why.", [], "en", "gpt", "w1"), Ct);

        var editions = new SqliteEditionStore(test.Db);
        var superseded = await editions.SaveAsync(OldEdition(new DateOnly(2025, 5, 30), Old, uncited), Ct);
        var lastOfDay = await editions.SaveAsync(OldEdition(new DateOnly(2025, 5, 30), Old.AddHours(1), cited), Ct);
        var pointedAt = await editions.SaveAsync(OldEdition(new DateOnly(2025, 5, 29), Old), Ct);
        await editions.SaveAsync(OldEdition(new DateOnly(2025, 5, 29), Old.AddHours(1)), Ct);

        var outbox = new SqliteOutbox(test.Db);
        // Finished long ago: goes, with the body only it used.
        await outbox.EnqueueAsync(Daily(subscribers[0], lastOfDay.Id, "2025-05-30", Old), [Text("Only old"), Text("Shared")], Ct);
        foreach (var m in await outbox.ClaimLiveAsync(10, Old, Lease))
        {
            await outbox.MarkSentAsync(m, Old, Ct);
        }
        // One part sent long ago, one still owed: the whole delivery stays, and so does its edition.
        await outbox.EnqueueAsync(Daily(subscribers[1], pointedAt.Id, "2025-05-29", Old), [Text("Shared"), Text("Owed")], Ct);
        await outbox.MarkSentAsync((await outbox.ClaimLiveAsync(1, Old, Lease)).Single(), Old, Ct);
        await outbox.EnqueueAsync(Reply(subscribers[0], "digest:old", notBefore: Old), [Text("Failed reply")], Ct);
        await outbox.MarkFailedAsync((await outbox.ClaimLiveAsync(1, Old.AddHours(1), Lease)).Single(), "400", Ct);
        await outbox.RequestAsync(Reply(subscribers[1], "digest:never-fulfilled", notBefore: Old), Ct);
        await outbox.RequestAsync(Reply(subscribers[0], "digest:waiting", notBefore: Now), Ct);
        // A reply, so it is claimed ahead of the owed part.
        await outbox.EnqueueAsync(Reply(subscribers[0], "digest:recent", recentEdition), [Text("Recent")], Ct);
        await outbox.MarkSentAsync((await outbox.ClaimLiveAsync(1, Now, Lease)).Single(), Now, Ct);

        var feeds = new SqliteFeedStore(test.Db, TimeProvider.System);
        await feeds.SaveReportAsync(Report(Old.AddHours(-1)), Ct);
        await feeds.SaveReportAsync(Report(Old), Ct);
        var usage = new SqliteLlmUsageLog(test.Db);
        await usage.RecordAsync(new LlmUsage("gpt", "score", 10, 1, true, Old), Ct);
        await usage.RecordAsync(new LlmUsage("gpt", "score", 10, 1, true, Now), Ct);

        var retention = new SqliteRetentionStore(test.Db);
        var pruned = await retention.PruneAsync(Before, Before, Ct);

        Assert.Equal(new PruneReport(OutboxRows: 3, Deliveries: 3, MessageContents: 2, CollectReports: 1, UsageRows: 1, Editions: 1, Articles: 1), pruned);
        Assert.Null(await editions.GetAsync(superseded.Id, Ct));
        Assert.NotNull(await editions.GetAsync(lastOfDay.Id, Ct));
        Assert.NotNull(await editions.GetAsync(pointedAt.Id, Ct));
        Assert.Equal(Old, (await feeds.GetLatestReportAsync(Ct))?.FinishedAt);
        Assert.Equal(1, (await usage.GetTotalsAsync(Ct)).Calls);
        Assert.Equal(["digest:waiting"], (await outbox.GetWaitingAsync(Ct)).Select(w => w.Slot));

        var owed = (await outbox.ClaimLiveAsync(10, Now, Lease)).Single();
        Assert.Equal(("Owed", pointedAt.Id), (owed.Content.Text, owed.EditionId));
        Assert.Equal(new Core.Delivery.OutboxCounts(0, Claimed: 1, Sent: 2, 0), await outbox.CountAsync(null, Ct));

        var found = await assessments.GetAsync([cited, uncited, fresh], "gpt", Ct);
        Assert.Equal(new[] { cited, fresh }, found.Keys.Order());
        Assert.Null(await assessments.GetWriteupAsync(uncited, "gpt", "w1", "en", Ct));
        var articleStore = new SqliteArticleStore(test.Db);
        Assert.Equal([cited, fresh], (await articleStore.GetByIdsAsync([cited, uncited, fresh], Ct)).Select(a => a.Id).Order());
        Assert.Empty(await articleStore.SearchAsync("forgotten", 5, Ct));
        Assert.Single(await articleStore.SearchAsync("cited", 5, Ct));

        // Nothing else is old enough: a second run deletes nothing.
        Assert.Equal(0, (await retention.PruneAsync(Before, Before, Ct)).Total);
    }

    [Fact]
    public async Task Pruning_goes_on_past_one_batch()
    {
        await using var test = await TestDatabase.CreateAsync();
        var count = SqliteRetentionStore.BatchSize * 2 + 7;
        await using (var connection = await test.Db.OpenAsync(Ct))
        {
            await connection.Command("""
                WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
                INSERT INTO llm_usage (model_id, purpose, prompt_tokens, completion_tokens, succeeded, at)
                SELECT 'gpt', 'score', 1, 1, 1, @at FROM n
                """)
                .With("@count", count)
                .With("@at", Old.ToUnixMs())
                .RunAsync(Ct);
        }

        var pruned = await new SqliteRetentionStore(test.Db).PruneAsync(Before, Before, Ct);

        Assert.Equal(count, pruned.UsageRows);
        Assert.Equal(0, await OutboxContentTests.CountAsync(test.Db, "llm_usage"));
    }

    [Fact]
    public async Task Old_articles_beyond_one_batch_go_unless_an_edition_cites_them()
    {
        await using var test = await TestDatabase.CreateAsync();
        var added = await new SqliteArticleStore(test.Db).AddNewAsync(
            Enumerable.Range(0, SqliteRetentionStore.BatchSize + 10)
                .Select(i => Article($"https://a.example/{i}") with { FirstSeenAt = Old })
                .ToList(), Ct);
        var keep = added[^1].Id;
        await new SqliteEditionStore(test.Db).SaveAsync(OldEdition(new DateOnly(2025, 6, 1), Now, keep), Ct);

        var pruned = await new SqliteRetentionStore(test.Db).PruneAsync(Before, Before, Ct);

        Assert.Equal(added.Count - 1, pruned.Articles);
        Assert.Equal([keep], (await new SqliteArticleStore(test.Db).GetByIdsAsync(added.Select(a => a.Id).ToList(), Ct)).Select(a => a.Id));
    }

    private static Edition OldEdition(DateOnly date, DateTimeOffset generatedAt, params long[] citing) =>
        Edition(date) with { GeneratedAt = generatedAt, Items = citing.Select(Item).ToList() };

    private static EditionItem Item(long articleId, int rank) => new(rank + 1, articleId, "Title", "https://a.example/x", "a.example",
        Now, Category.Security, 5, 5, 5, [], [], "Summary.", "Why.", MustRead: false, MustReadRank: 0);

    private static Assessment Assess(long articleId) => new(articleId, 5, 5, 5, Category.Security, [], "gpt", "v1", Now);

    private static CollectReport Report(DateTimeOffset finishedAt) => new(finishedAt.AddMinutes(-1), finishedAt, 1, 1, 1, 1, []);
}
