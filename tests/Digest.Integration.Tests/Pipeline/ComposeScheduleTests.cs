using Digest.Core.Editions;
using Digest.Integration.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Pipeline;

public sealed class ComposeScheduleTests
{
    private static readonly TimeOnly ComposeAt = new(6, 0);

    [Fact]
    public async Task Todays_edition_is_composed_once_after_the_compose_time_including_on_a_late_start()
    {
        using var dir = new TestDirectory();
        await using var app = await TestApp.StartAsync(dir, delivery: false);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 1, 0, 0, TimeSpan.Zero));
        await Seed.ArticlesAsync(app.Services, clock.GetUtcNow());
        var composer = Clocks.Composer(app.Services, clock);

        // An edition composed in the night (say, by an earlier compose time) is not today's scheduled one.
        var night = await composer.ComposeAsync(null, null, default);
        clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 5, 59, 0, TimeSpan.Zero));
        Assert.Null(await composer.ComposeIfDueAsync(ComposeAt, default));

        // The host was down at 06:00 and starts at 09:30: it composes now.
        clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.Zero));
        var scheduled = await composer.ComposeIfDueAsync(ComposeAt, default);
        Assert.NotNull(scheduled);
        Assert.Equal(clock.GetUtcNow(), scheduled.GeneratedAt);
        Assert.Equal(night.Id, scheduled.Id);

        // Later the same day: nothing more.
        clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 18, 0, 0, TimeSpan.Zero));
        Assert.Null(await composer.ComposeIfDueAsync(ComposeAt, default));
        var latest = await app.Get<IEditionStore>().GetLatestAsync(EditionKind.Daily, default);
        Assert.Equal(scheduled.GeneratedAt, latest!.GeneratedAt);

        // The next day after 06:00: a new edition.
        clock.SetUtcNow(new DateTimeOffset(2026, 7, 2, 6, 0, 0, TimeSpan.Zero));
        var tomorrow = await composer.ComposeIfDueAsync(ComposeAt, default);
        Assert.NotNull(tomorrow);
        Assert.Equal(new DateOnly(2026, 7, 2), tomorrow.Date);
    }
}
