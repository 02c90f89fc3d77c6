using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Subscriptions;
using Digest.Storage.Delivery;
using Digest.Storage.Editions;
using Digest.Storage.Subscriptions;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Subscriptions;

public sealed class SubscriberStoreTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Save_inserts_then_updates_by_platform_and_chat_id_keeping_id_and_creation_time_but_taking_the_subscription_start()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteSubscriberStore(test.Db);

        var created = await store.SaveAsync(Subscriber.New("telegram", "-100123", ChatKind.Group, "Team", Now), Ct);
        var changed = created with
        {
            Id = 0,
            Kind = ChatKind.Channel,
            Title = "Team news",
            Active = true,
            Frequency = Frequency.Both,
            Categories = new HashSet<Category> { Category.Security, Category.AiMl },
            Top = 7,
            DeliveryTime = new TimeOnly(18, 45),
            TimeZone = "Europe/Berlin",
            CreatedAt = Now.AddDays(5),
            SubscribedAt = Now.AddDays(3),
        };
        var updated = await store.SaveAsync(changed, Ct);
        var read = await store.GetAsync("telegram", "-100123", Ct);

        Assert.NotEqual(0, created.Id);
        Assert.Equal(created.Id, updated.Id);
        Assert.NotNull(read);
        Assert.Equal(Now, created.SubscribedAt);
        Assert.Equal(changed with { Id = created.Id, CreatedAt = Now, Categories = read.Categories }, read);
        Assert.Equal(Now.AddDays(3), read.SubscribedAt);
        Assert.True(read.Categories.SetEquals([Category.AiMl, Category.Security]));
        Assert.Equal(read with { Categories = updated.Categories }, updated);
        Assert.Equal(created.Id, (await store.GetByIdAsync(created.Id, Ct))?.Id);
        Assert.Null(await store.GetAsync("discord", "-100123", Ct));
    }

    [Fact]
    public async Task Boosts_and_mutes_round_trip_and_a_chat_without_them_reads_back_equal()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteSubscriberStore(test.Db);
        var plain = await store.SaveAsync(ActiveSubscriber("1"), Ct);
        var steered = await store.SaveAsync(ActiveSubscriber("2") with
        {
            Boosts = new HashSet<string> { "rust", "ai-ml", "c++" },
            Mutes = new HashSet<string> { "crypto" },
        }, Ct);

        var cleared = await store.SaveAsync(steered with { Mutes = Subscriber.NoKeywords }, Ct);
        var read = await store.GetByIdAsync(steered.Id, Ct);
        var plainRead = await store.GetByIdAsync(plain.Id, Ct);

        Assert.Empty(plain.Boosts);
        Assert.NotNull(plainRead);
        // Records compare sets by reference: equal here means no keywords read back as the shared empty set.
        Assert.Equal(plain, plainRead with { Categories = plain.Categories });
        Assert.True(steered.Boosts.SetEquals(["rust", "ai-ml", "c++"]));
        Assert.Equal(["crypto"], steered.Mutes);
        Assert.Empty(cleared.Mutes);
        Assert.NotNull(read);
        Assert.True(read.Boosts.SetEquals(["rust", "ai-ml", "c++"]));
        Assert.Empty(read.Mutes);
    }

    [Fact]
    public async Task Active_subscribers_are_filtered_by_frequency_flags()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteSubscriberStore(test.Db);
        var daily = await store.SaveAsync(ActiveSubscriber("1", Frequency.Daily), Ct);
        var weekly = await store.SaveAsync(ActiveSubscriber("2", Frequency.Weekly), Ct);
        var both = await store.SaveAsync(ActiveSubscriber("3", Frequency.Both), Ct);
        var paused = await store.SaveAsync(ActiveSubscriber("4", Frequency.Both), Ct);
        await store.SaveAsync(ActiveSubscriber("5", Frequency.None), Ct);
        await store.SetActiveAsync(paused.Id, false, Ct);

        Assert.Equal([daily.Id, both.Id], (await store.GetActiveAsync(Frequency.Daily, Ct)).Select(s => s.Id));
        Assert.Equal([weekly.Id, both.Id], (await store.GetActiveAsync(Frequency.Weekly, Ct)).Select(s => s.Id));
        Assert.False((await store.GetByIdAsync(paused.Id, Ct))?.Active);
    }

    [Fact]
    public async Task A_new_chat_id_carries_settings_and_pending_deliveries()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteSubscriberStore(test.Db);
        var outbox = new SqliteOutbox(test.Db);
        var group = await store.SaveAsync(ActiveSubscriber("-123") with { Kind = ChatKind.Group, Top = 5 }, Ct);
        var edition = await new SqliteEditionStore(test.Db).SaveAsync(Edition(), Ct);
        await outbox.EnqueueAsync(Daily(group.Id, edition.Id), [Text("hi")], Ct);

        await store.ChangeChatIdAsync(group.Id, "-100123", Ct);

        Assert.Null(await store.GetAsync("telegram", "-123", Ct));
        var moved = await store.GetAsync("telegram", "-100123", Ct);
        Assert.NotNull(moved);
        Assert.Equal(group with { ChatId = "-100123", Categories = moved.Categories }, moved);
        Assert.Equal("-100123", (await outbox.ClaimLiveAsync(10, Now, TimeSpan.FromMinutes(1))).Single().ChatId);
    }

    [Fact]
    public async Task A_new_chat_id_that_already_has_a_row_keeps_the_migrated_settings_and_deletes_the_duplicate()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteSubscriberStore(test.Db);
        var outbox = new SqliteOutbox(test.Db);
        var migrated = await store.SaveAsync(ActiveSubscriber("-123") with { Top = 5, TimeZone = "Asia/Tokyo" }, Ct);
        var duplicate = await store.SaveAsync(ActiveSubscriber("-100123") with { Top = 20 }, Ct);
        var other = await store.SaveAsync(ActiveSubscriber("-100123", platform: "discord"), Ct);
        var edition = await new SqliteEditionStore(test.Db).SaveAsync(Edition(), Ct);
        await outbox.EnqueueAsync(Daily(migrated.Id, edition.Id), [Text("for the group")], Ct);
        await outbox.EnqueueAsync(Daily(duplicate.Id, edition.Id), [Text("for the duplicate")], Ct);

        await store.ChangeChatIdAsync(migrated.Id, "-100123", Ct);

        var now = await store.GetAsync("telegram", "-100123", Ct);
        Assert.Equal(migrated.Id, now?.Id);
        Assert.Equal(5, now?.Top);
        Assert.Equal("Asia/Tokyo", now?.TimeZone);
        Assert.Null(await store.GetByIdAsync(duplicate.Id, Ct));
        Assert.NotNull(await store.GetByIdAsync(other.Id, Ct));
        var claimed = await outbox.ClaimLiveAsync(10, Now, TimeSpan.FromMinutes(1));
        Assert.Equal("for the group", claimed.Single().Content.Text);
        Assert.Equal(new HashSet<long> { migrated.Id }, await outbox.GetDeliveredAsync(DeliveryKind.Daily, Slot, [migrated.Id, duplicate.Id], Ct));
    }
}
