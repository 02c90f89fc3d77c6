using Digest.Core.Delivery;
using Digest.Storage.Delivery;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Delivery;

public sealed class DeliveryTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_delivery_exists_once_per_subscriber_kind_and_slot_whichever_edition_it_carries()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 2);
        var outbox = new SqliteOutbox(test.Db);

        Assert.True(await outbox.EnqueueAsync(Daily(subscribers[0], edition), Parts(2), Ct));
        // A second edition composed for the same slot does not make a second delivery.
        Assert.False(await outbox.EnqueueAsync(Daily(subscribers[0], edition + 1), Parts(2), Ct));
        Assert.False(await outbox.RequestAsync(Daily(subscribers[0], null), Ct));
        // Another slot, kind or subscriber is another delivery.
        Assert.True(await outbox.EnqueueAsync(Daily(subscribers[0], edition, "2025-06-03"), Parts(1), Ct));
        Assert.True(await outbox.EnqueueAsync(Daily(subscribers[0], edition) with { Kind = DeliveryKind.Weekly }, Parts(1), Ct));
        Assert.True(await outbox.EnqueueAsync(Daily(subscribers[1], edition), Parts(1), Ct));

        Assert.Equal(new OutboxCounts(Pending: 5, 0, 0, 0), await outbox.CountAsync(null, Ct));
        Assert.Equal(4, await OutboxContentTests.CountAsync(test.Db, "deliveries"));
    }

    [Fact]
    public async Task The_latest_delivery_of_a_kind_is_when_it_was_recorded()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 2);
        var outbox = new SqliteOutbox(test.Db);
        Assert.Null(await outbox.LastRecordedAtAsync(subscribers[0], DeliveryKind.Reply, Ct));

        await outbox.RequestAsync(Reply(subscribers[0], "digest:1"), Ct);
        await outbox.EnqueueAsync(Reply(subscribers[0], "digest:2", edition, Now.AddMinutes(3)), Parts(1), Ct);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition) with { NotBefore = Now.AddHours(5) }, Parts(1), Ct);

        Assert.Equal(Now.AddMinutes(3), await outbox.LastRecordedAtAsync(subscribers[0], DeliveryKind.Reply, Ct));
        Assert.Null(await outbox.LastRecordedAtAsync(subscribers[1], DeliveryKind.Reply, Ct));
    }

    [Fact]
    public async Task A_waiting_delivery_is_fulfilled_once_and_then_waits_no_more()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 2);
        var outbox = new SqliteOutbox(test.Db);
        Assert.True(await outbox.RequestAsync(Reply(subscribers[1], "digest:2", notBefore: Now.AddMinutes(1)), Ct));
        Assert.True(await outbox.RequestAsync(Reply(subscribers[0], "digest:1"), Ct));
        Assert.False(await outbox.RequestAsync(Reply(subscribers[0], "digest:1"), Ct));

        var waiting = await outbox.GetWaitingAsync(Ct);
        Assert.Equal(
            [(subscribers[0], DeliveryKind.Reply, "digest:1", Now), (subscribers[1], DeliveryKind.Reply, "digest:2", Now.AddMinutes(1))],
            waiting.Select(w => (w.SubscriberId, w.Kind, w.Slot, w.RequestedAt)));
        Assert.Empty(await outbox.ClaimLiveAsync(10, Now.AddHours(1), Lease));

        Assert.True(await outbox.FulfilAsync(waiting[0].Id, edition, Parts(2), [], Now, Ct));
        Assert.False(await outbox.FulfilAsync(waiting[0].Id, edition, Parts(3), [], Now, Ct));

        Assert.Equal([waiting[1].Id], (await outbox.GetWaitingAsync(Ct)).Select(w => w.Id));
        var claimed = await outbox.ClaimLiveAsync(10, Now, Lease);
        Assert.Equal([(0, waiting[0].Id, (long?)edition), (1, waiting[0].Id, edition)], claimed.Select(m => (m.Part, m.DeliveryId, m.EditionId)));
        Assert.Equal(2, (await outbox.CountAsync(edition, Ct)).Claimed);
        // Owed since it was asked for, not since its edition came.
        Assert.Equal(Now, (await outbox.ReportAsync(Now.AddHours(1), StaleAfter, Ct)).OldestOwedSince);
    }

    [Fact]
    public async Task Two_planners_fulfilling_the_same_delivery_add_its_parts_once()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.RequestAsync(Reply(subscribers[0], "digest:1"), Ct);
        var id = (await outbox.GetWaitingAsync(Ct)).Single().Id;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => outbox.FulfilAsync(id, edition, Parts(3), [], Now, Ct))));

        Assert.Single(results, r => r);
        Assert.Equal(3, (await outbox.CountAsync(edition, Ct)).Pending);
    }

    [Fact]
    public async Task A_reply_enqueued_without_an_edition_is_not_waiting_for_one()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (_, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);

        Assert.True(await outbox.EnqueueAsync(Reply(subscribers[0], "answer:7"), [Text("The answer.")], Ct));

        Assert.Empty(await outbox.GetWaitingAsync(Ct));
        var message = (await outbox.ClaimLiveAsync(1, Now, Lease)).Single();
        Assert.Equal((DeliveryKind.Reply, (long?)null, "The answer."), (message.Kind, message.EditionId, message.Content.Text));
        Assert.False(await outbox.FulfilAsync(message.DeliveryId, 1, Parts(2), [], Now, Ct));
        Assert.Equal(new OutboxCounts(0, Claimed: 1, 0, 0), await outbox.CountAsync(null, Ct));
    }

    [Fact]
    public async Task Delivered_subscribers_are_found_among_thousands_of_ids()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 3);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition), Parts(1), Ct);
        await outbox.RequestAsync(Daily(subscribers[2], null), Ct);
        await outbox.EnqueueAsync(Daily(subscribers[1], edition, "2025-06-01"), Parts(1), Ct);

        var asked = Enumerable.Range(5000, 3000).Select(i => (long)i).Concat(subscribers).ToList();
        var delivered = await outbox.GetDeliveredAsync(DeliveryKind.Daily, Slot, asked, Ct);

        Assert.Equal(new HashSet<long> { subscribers[0], subscribers[2] }, delivered);
        Assert.Empty(await outbox.GetDeliveredAsync(DeliveryKind.Weekly, Slot, asked, Ct));
        Assert.Empty(await outbox.GetDeliveredAsync(DeliveryKind.Daily, Slot, [], Ct));
    }

    [Fact]
    public async Task A_delivery_without_parts_or_a_request_with_an_edition_is_refused()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);

        await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(Daily(subscribers[0], edition), [], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.RequestAsync(Daily(subscribers[0], edition), Ct));

        Assert.Empty(await outbox.GetDeliveredAsync(DeliveryKind.Daily, Slot, subscribers, Ct));
    }
}
