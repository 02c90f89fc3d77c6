using Digest.Core.Subscriptions;
using Digest.Storage.Subscriptions;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Subscriptions;

public sealed class WeeklyDayTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task The_weekly_day_is_stored_changed_and_read_back_and_defaults_to_monday()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteSubscriberStore(test.Db);

        var created = await store.SaveAsync(Subscriber.New("telegram", "42", ChatKind.Private, null, Now) with { Active = true, Frequency = Frequency.Weekly }, Ct);
        await store.SaveAsync(created with { WeeklyDay = DayOfWeek.Friday }, Ct);
        var read = await store.GetByIdAsync(created.Id, Ct);
        var active = Assert.Single(await store.GetActiveAsync(Frequency.Weekly, Ct));

        Assert.Equal(DayOfWeek.Monday, created.WeeklyDay);
        Assert.Equal(DayOfWeek.Friday, read?.WeeklyDay);
        Assert.Equal(DayOfWeek.Friday, active.WeeklyDay);
    }

    [Fact]
    public async Task Sunday_is_stored_as_itself_not_as_the_default()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteSubscriberStore(test.Db);

        var saved = await store.SaveAsync(Subscriber.New("discord", "7", ChatKind.Channel, null, Now) with { WeeklyDay = DayOfWeek.Sunday }, Ct);

        Assert.Equal(DayOfWeek.Sunday, (await store.GetAsync("discord", "7", Ct))?.WeeklyDay);
        Assert.Equal(DayOfWeek.Sunday, saved.WeeklyDay);
    }
}
