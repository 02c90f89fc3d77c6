using Digest.Core.Delivery;
using Digest.Storage.Delivery;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Delivery;

public sealed class SenderTakeoverTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Claims_of_a_sender_that_still_beats_are_not_taken()
    {
        await using var test = await TestDatabase.CreateAsync();
        var outbox = await OutboxWithRowsAsync(test, 3);
        var mine = await outbox.ClaimLiveAsync(10, Now, Lease, "sender-a");

        var later = Now + StaleAfter + TimeSpan.FromSeconds(5);
        await outbox.HeartbeatAsync("sender-a", later - TimeSpan.FromSeconds(1), Ct);
        var taken = await outbox.ClaimLiveAsync(10, later, Lease, "sender-b");

        Assert.Equal(3, mine.Count);
        Assert.Empty(taken);
        foreach (var claim in mine)
        {
            Assert.True(await outbox.RenewAsync(claim, later, Lease, Ct));
        }
    }

    [Fact]
    public async Task Claims_of_a_sender_that_stopped_beating_are_taken_over_before_their_lease_ends()
    {
        await using var test = await TestDatabase.CreateAsync();
        var outbox = await OutboxWithRowsAsync(test, 3);
        var stale = await outbox.ClaimLiveAsync(10, Now, Lease, "sender-a");

        // Sender a crashed: no beat since Now. Its lease still runs for almost two minutes.
        var later = Now + StaleAfter + TimeSpan.FromSeconds(1);
        Assert.True(later < Now + Lease);
        var taken = await outbox.ClaimLiveAsync(10, later, Lease, "sender-b");

        Assert.Equal(stale.Select(m => m.Id), taken.Select(m => m.Id));
        Assert.All(taken, m => Assert.Equal(2, m.Claim));
        Assert.All(taken, m => Assert.Equal(0, m.Attempts));
        // Sender a comes back and finishes what it had: its old claims change nothing.
        await outbox.MarkSentAsync(stale[0], later, Ct);
        await outbox.MarkFailedAsync(stale[1], "late", Ct);
        Assert.False(await outbox.RenewAsync(stale[2], later, Lease, Ct));
        Assert.Equal(new OutboxCounts(Pending: 0, Claimed: 3, Sent: 0, Failed: 0), await outbox.CountAsync(null, Ct));
        await outbox.MarkSentAsync(taken[0], later, Ct);
        Assert.Equal(1, (await outbox.CountAsync(null, Ct)).Sent);
    }

    [Fact]
    public async Task A_retired_sender_s_claims_are_free_at_once()
    {
        await using var test = await TestDatabase.CreateAsync();
        var outbox = await OutboxWithRowsAsync(test, 1);
        var claimed = (await outbox.ClaimLiveAsync(1, Now, Lease, "sender-a")).Single();

        await outbox.RetireSenderAsync("sender-a", Ct);

        Assert.Equal([claimed.Id], (await outbox.ClaimLiveAsync(1, Now.AddSeconds(1), Lease, "sender-b")).Select(m => m.Id));
    }

    [Fact]
    public async Task A_sender_that_beats_again_keeps_its_claims()
    {
        await using var test = await TestDatabase.CreateAsync();
        var outbox = await OutboxWithRowsAsync(test, 1);
        await outbox.ClaimLiveAsync(1, Now, Lease, "sender-a");

        // Beats keep it alive far past one stale span, as long as each comes in time.
        var at = Now;
        for (var i = 0; i < 5; i++)
        {
            at += TimeSpan.FromSeconds(10);
            await outbox.HeartbeatAsync("sender-a", at, Ct);
        }

        Assert.Empty(await outbox.ClaimLiveAsync(1, at + TimeSpan.FromSeconds(5), Lease, "sender-b"));
    }

    private static async Task<SqliteOutbox> OutboxWithRowsAsync(TestDatabase test, int parts)
    {
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition), Parts(parts), Ct);
        return outbox;
    }
}
