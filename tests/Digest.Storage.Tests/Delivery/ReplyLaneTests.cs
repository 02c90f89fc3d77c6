using Digest.Core.Delivery;
using Digest.Storage.Delivery;
using Digest.Storage.Subscriptions;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Delivery;

public sealed class ReplyLaneTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Replies_are_claimed_before_editions_enqueued_earlier()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 3);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition, notBefore: Now.AddHours(-1)), Parts(3), Ct);
        await outbox.EnqueueAsync(Daily(subscribers[1], edition, notBefore: Now.AddHours(-1)), Parts(3), Ct);
        await outbox.EnqueueAsync(Reply(subscribers[2], "digest:1", edition), Parts(2), Ct);

        var first = await outbox.ClaimLiveAsync(3, Now, Lease);

        Assert.Equal(
            [(DeliveryKind.Reply, subscribers[2], 0), (DeliveryKind.Reply, subscribers[2], 1), (DeliveryKind.Daily, subscribers[0], 0)],
            first.Select(m => (m.Kind, m.SubscriberId, m.Part)));
    }

    [Fact]
    public async Task A_reply_to_an_inactive_subscriber_is_claimed_while_their_edition_rows_are_given_up()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition), Parts(2), Ct);
        await outbox.EnqueueAsync(Reply(subscribers[0], "digest:1", edition), Parts(1), Ct);
        // They asked for /digest, then unsubscribed before it went out: the answer is still owed.
        await new SqliteSubscriberStore(test.Db).SetActiveAsync(subscribers[0], false, Ct);

        var claimed = await outbox.ClaimLiveAsync(10, Now, Lease);

        Assert.Equal([DeliveryKind.Reply], claimed.Select(m => m.Kind));
        Assert.Equal(new OutboxCounts(Pending: 0, Claimed: 1, Sent: 0, Failed: 2), await outbox.CountAsync(edition, Ct));
        var released = claimed.Single();
        await outbox.ReleaseAsync(released, Now, "held", Ct);
        Assert.Equal([released.Id], (await outbox.ClaimLiveAsync(10, Now, Lease)).Select(m => m.Id));
    }
}
