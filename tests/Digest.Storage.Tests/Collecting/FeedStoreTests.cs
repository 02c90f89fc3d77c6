using Digest.Core.Collecting;
using Digest.Storage.Collecting;
using Microsoft.Extensions.Time.Testing;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Collecting;

public sealed class FeedStoreTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Added_and_removed_feeds_are_remembered_and_re_adding_takes_back_a_removal()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteFeedStore(test.Db, new FakeTimeProvider(Now));

        await store.AddAsync(new FeedSource("https://a.example/feed", "A", "https://a.example"), Ct);
        await store.AddAsync(new FeedSource("https://b.example/feed", "B"), Ct);
        await store.RemoveAsync("https://baseline.example/feed", Ct);
        await store.RemoveAsync("https://b.example/feed", Ct);

        Assert.Equal([new FeedSource("https://a.example/feed", "A", "https://a.example")], await store.GetAddedAsync(Ct));
        Assert.Equal(["https://b.example/feed", "https://baseline.example/feed"], (await store.GetRemovedAsync(Ct)).Order());

        await store.AddAsync(new FeedSource("https://b.example/feed", "B again"), Ct);

        Assert.Contains(new FeedSource("https://b.example/feed", "B again"), await store.GetAddedAsync(Ct));
        Assert.DoesNotContain("https://b.example/feed", await store.GetRemovedAsync(Ct));
    }

    [Fact]
    public async Task Health_keeps_every_field_and_a_later_save_replaces_it()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteFeedStore(test.Db, new FakeTimeProvider(Now));
        var failing = new FeedHealth("https://a.example/feed", "\"etag\"", "Mon, 02 Jun 2025 07:00:00 GMT", Now.AddDays(-1), 3,
            "HTTP 503", Now.AddHours(2), 17);

        await store.SaveHealthAsync(failing, Ct);
        await store.SaveHealthAsync(FeedHealth.New("https://b.example/feed"), Ct);

        var health = await store.GetHealthAsync(Ct);
        Assert.Equal(failing, health["https://a.example/feed"]);
        Assert.Equal(FeedHealth.New("https://b.example/feed"), health["https://b.example/feed"]);

        var recovered = failing.Succeeded(null, null, 5, Now);
        await store.SaveHealthAsync(recovered, Ct);
        Assert.Equal(recovered, (await store.GetHealthAsync(Ct))["https://a.example/feed"]);
    }

    [Fact]
    public async Task The_latest_report_is_the_last_finished_with_its_failures()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteFeedStore(test.Db, new FakeTimeProvider(Now));
        Assert.Null(await store.GetLatestReportAsync(Ct));

        var older = new CollectReport(Now.AddHours(-2), Now.AddHours(-2).AddMinutes(1), 10, 10, 100, 5, []);
        var latest = new CollectReport(Now.AddMinutes(-1), Now, 8, 10, 90, 3,
            [new FeedFailure("https://x.example/feed", "timeout"), new FeedFailure("https://y.example/feed", "HTTP 404")]);
        await store.SaveReportAsync(latest, Ct);
        await store.SaveReportAsync(older, Ct);

        var read = await store.GetLatestReportAsync(Ct);

        Assert.NotNull(read);
        Assert.Equal(latest with { Failures = [] }, read with { Failures = [] });
        Assert.Equal(latest.Failures, read.Failures);
    }
}
