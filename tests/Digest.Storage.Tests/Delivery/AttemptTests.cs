using Digest.Core.Delivery;
using Digest.Storage.Delivery;
using Digest.Storage.Sql;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Delivery;

public sealed class AttemptTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Releasing_a_row_spends_no_attempt_however_often()
    {
        await using var test = await TestDatabase.CreateAsync();
        var outbox = await OutboxWithRowsAsync(test, 1);

        for (var i = 0; i < 10; i++)
        {
            var claimed = (await outbox.ClaimLiveAsync(1, Now.AddMinutes(i), Lease)).Single();
            Assert.Equal((i + 1, 0), (claimed.Claim, claimed.Attempts));
            await outbox.ReleaseAsync(claimed, Now.AddMinutes(i + 1), "rate limited", Ct);
        }

        Assert.Equal(0, (await outbox.ClaimLiveAsync(1, Now.AddMinutes(10), Lease)).Single().Attempts);
    }

    [Fact]
    public async Task A_released_row_waits_for_its_time()
    {
        await using var test = await TestDatabase.CreateAsync();
        var outbox = await OutboxWithRowsAsync(test, 1);
        var claimed = (await outbox.ClaimLiveAsync(1, Now, Lease)).Single();

        await outbox.ReleaseAsync(claimed, Now.AddSeconds(30), "telegram unavailable: 502", Ct);

        Assert.Empty(await outbox.ClaimLiveAsync(1, Now.AddSeconds(29), Lease));
        Assert.Single(await outbox.ClaimLiveAsync(1, Now.AddSeconds(30), Lease));
    }

    [Fact]
    public async Task The_message_s_own_failures_spend_an_attempt_each()
    {
        await using var test = await TestDatabase.CreateAsync();
        var outbox = await OutboxWithRowsAsync(test, 1);

        var first = (await outbox.ClaimLiveAsync(1, Now, Lease)).Single();
        await outbox.RetryAfterFailureAsync(first, Now, "400 bad request", Ct);
        var second = (await outbox.ClaimLiveAsync(1, Now, Lease)).Single();
        await outbox.ReleaseAsync(second, Now, "held", Ct);
        var third = (await outbox.ClaimLiveAsync(1, Now, Lease)).Single();
        await outbox.MarkFailedAsync(third, "400 bad request", Ct);

        Assert.Equal([(1, 0), (2, 1), (3, 1)], new[] { first, second, third }.Select(m => (m.Claim, m.Attempts)));
        Assert.Equal(2, await AttemptsAsync(test.Db, first.Id));
        Assert.Equal(new OutboxCounts(0, 0, 0, Failed: 1), await outbox.CountAsync(null, Ct));
    }

    [Fact]
    public async Task Retrying_failed_rows_makes_them_due_now_with_their_attempts_reset()
    {
        await using var test = await TestDatabase.CreateAsync();
        var outbox = await OutboxWithRowsAsync(test, 3);
        var claimed = await outbox.ClaimLiveAsync(3, Now, Lease);
        await outbox.MarkFailedAsync(claimed[0], "400", Ct);
        await outbox.MarkFailedAsync(claimed[1], "400", Ct);
        await outbox.MarkSentAsync(claimed[2], Now, Ct);

        var later = Now.AddHours(1);
        // Only rows enqueued since the given time: a failure of last week stays where it is.
        Assert.Equal(0, await outbox.RetryFailedAsync(later, Now.AddMinutes(1), Ct));
        Assert.Equal(2, await outbox.RetryFailedAsync(later, Now.AddDays(-1), Ct));
        Assert.Equal(0, await outbox.RetryFailedAsync(later, Now.AddDays(-1), Ct));

        Assert.Empty(await outbox.ClaimLiveAsync(10, later.AddSeconds(-1), Lease));
        var retried = await outbox.ClaimLiveAsync(10, later, Lease);
        Assert.Equal([claimed[0].Id, claimed[1].Id], retried.Select(m => m.Id));
        Assert.All(retried, m => Assert.Equal((2, 0), (m.Claim, m.Attempts)));
        Assert.Equal(new OutboxCounts(0, Claimed: 2, Sent: 1, 0), await outbox.CountAsync(null, Ct));
    }

    private static async Task<long> AttemptsAsync(SqliteDatabase db, long id)
    {
        await using var connection = await db.OpenAsync(Ct);
        return await connection.Command("SELECT attempts FROM outbox WHERE id = @id").With("@id", id).ScalarInt64Async(Ct);
    }

    private static async Task<SqliteOutbox> OutboxWithRowsAsync(TestDatabase test, int parts)
    {
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition), Parts(parts), Ct);
        return outbox;
    }
}
