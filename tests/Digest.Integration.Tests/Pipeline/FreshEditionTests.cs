using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Pipeline;

/// <summary>There is no global compose time: whoever needs an edition gets one composed within the last hour.</summary>
public sealed class FreshEditionTests
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromHours(1);

    [Fact]
    public async Task An_edition_composed_within_the_last_hour_is_reused_and_an_older_one_is_replaced_by_a_fresh_one()
    {
        using var dir = new TestDirectory();
        await using var app = await TestApp.StartAsync(dir, delivery: false);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero));
        await Seed.ArticlesAsync(app.Services, clock.GetUtcNow());
        var composer = Clocks.Composer(app.Services, clock);
        var six = await composer.ComposeAsync(null, null, default);

        // Exactly an hour old still counts as fresh: a subscriber at 07:00 gets the 06:00 edition.
        clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(six.Id, (await composer.GetFreshAsync(FreshFor, default))!.Id);

        clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = await composer.GetFreshAsync(FreshFor, default);
        Assert.NotNull(fresh);
        Assert.NotEqual(six.Id, fresh.Id);
        Assert.Equal(clock.GetUtcNow(), fresh.GeneratedAt);
        Assert.NotEmpty(fresh.Items);
        Assert.Equal(fresh.Id, (await app.Get<IEditionStore>().GetLatestAsync(EditionKind.Daily, default))!.Id);

        // Half an hour later the fresh one serves again: one composition per slot, not per request.
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(fresh.Id, (await composer.GetFreshAsync(FreshFor, default))!.Id);
    }

    [Fact]
    public async Task Before_the_first_collect_has_finished_nothing_is_composed_and_after_it_the_first_edition_is()
    {
        using var dir = new TestDirectory();
        await using var feeds = await FeedServer.StartAsync();
        await using var app = await TestApp.StartAsync(dir, PipelineSettings.Fast(), delivery: false);
        var composer = app.Get<DailyEditionService>();

        Assert.Null(await composer.GetFreshAsync(FreshFor, default));
        Assert.Null(await app.Get<IEditionStore>().GetLatestAsync(EditionKind.Daily, default));

        var sources = FixtureFeed.PublishAll(feeds, GoldenFixtures.Feeds, DateTimeOffset.UtcNow);
        await app.Get<Collector>().CollectAsync(sources, null, default);
        var first = await composer.GetFreshAsync(FreshFor, default);

        Assert.NotNull(first);
        Assert.NotEmpty(first.Items);
        Assert.Equal(first.Id, (await app.Get<IEditionStore>().GetLatestAsync(EditionKind.Daily, default))!.Id);
    }
}
