using Digest.Storage.Delivery;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Delivery;

public sealed class PartOrderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_later_part_waits_while_a_crashed_sender_still_holds_an_earlier_one()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition), Parts(3), Ct);

        // Sender a claimed only the first part, then died.
        var first = Assert.Single(await outbox.ClaimLiveAsync(1, Now, Lease, "sender-a"));
        Assert.Equal(0, first.Part);

        // While a's claim is not yet stale, b must not send parts 1 and 2 ahead of part 0.
        Assert.Empty(await outbox.ClaimLiveAsync(10, Now.AddSeconds(5), Lease, "sender-b"));

        // Once a is taken for dead, b takes the whole delivery in one claim, in order.
        var taken = await outbox.ClaimLiveAsync(10, Now + StaleAfter + TimeSpan.FromSeconds(1), Lease, "sender-b");
        Assert.Equal([0, 1, 2], taken.Select(m => m.Part));
    }

    [Fact]
    public async Task Due_parts_of_one_delivery_are_claimed_together_and_a_held_part_holds_the_ones_after_it()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition), Parts(3), Ct);

        var all = await outbox.ClaimLiveAsync(10, Now, Lease);
        Assert.Equal([0, 1, 2], all.Select(m => m.Part));

        // Part 1 hit a rate limit: it waits, and part 2 (released with it) must not overtake it.
        await outbox.MarkSentAsync(all[0], Now, Ct);
        await outbox.ReleaseAsync(all[1], Now.AddSeconds(30), "rate limited", Ct);
        await outbox.ReleaseAsync(all[2], Now, "an earlier part is waiting", Ct);
        Assert.Empty(await outbox.ClaimLiveAsync(10, Now.AddSeconds(1), Lease));
        Assert.Equal([1, 2], (await outbox.ClaimLiveAsync(10, Now.AddSeconds(30), Lease)).Select(m => m.Part));
    }
}
