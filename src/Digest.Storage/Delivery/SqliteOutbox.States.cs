using Digest.Core.Delivery;
using Digest.Storage.Sql;

namespace Digest.Storage.Delivery;

/// <summary>What a sender does with a claimed row: renew, sent, released, retried, failed; and the bulk changes.</summary>
public sealed partial class SqliteOutbox
{
    // Every change below finishes a claim, so it applies only while that claim is current: a row dropped, re-queued or
    // claimed again meanwhile (a takeover, a lease that ran out) stays as it is. Each claim increments claims, so
    // (id, claims) names one claim. One conditional UPDATE each, never a read then a write.
    private const string CurrentClaim = "id = @id AND state = 'claimed' AND claims = @claim";

    public async Task<bool> RenewAsync(OutboxMessage claimed, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command("UPDATE outbox SET claimed_until = @until WHERE " + CurrentClaim)
            .With("@id", claimed.Id)
            .With("@claim", claimed.Claim)
            .With("@until", (now + lease).ToUnixMs())
            .RunAsync(ct) == 1;
    }

    public async Task MarkSentAsync(OutboxMessage claimed, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("UPDATE outbox SET state = 'sent', sent_at = @at, claimed_until = NULL WHERE " + CurrentClaim)
            .With("@id", claimed.Id)
            .With("@claim", claimed.Claim)
            .With("@at", at.ToUnixMs())
            .RunAsync(ct);
    }

    public Task ReleaseAsync(OutboxMessage claimed, DateTimeOffset notBefore, string reason, CancellationToken ct) =>
        BackToPendingAsync(claimed, notBefore, reason, attemptsSpent: 0, ct);

    public Task RetryAfterFailureAsync(OutboxMessage claimed, DateTimeOffset notBefore, string error, CancellationToken ct) =>
        BackToPendingAsync(claimed, notBefore, error, attemptsSpent: 1, ct);

    public async Task MarkFailedAsync(OutboxMessage claimed, string error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        await using var connection = await db.OpenAsync(ct);
        await connection.Command(
            "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = @error, claimed_until = NULL WHERE " + CurrentClaim)
            .With("@id", claimed.Id)
            .With("@claim", claimed.Claim)
            .With("@error", error)
            .RunAsync(ct);
    }

    public async Task DropPendingAsync(long subscriberId, string reason, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            UPDATE outbox SET state = 'failed', last_error = @reason, claimed_until = NULL
            WHERE subscriber_id = @subscriber AND state IN ('pending', 'claimed')
            """)
            .With("@subscriber", subscriberId)
            .With("@reason", reason)
            .RunAsync(ct);
    }

    public async Task<int> RetryFailedAsync(DateTimeOffset now, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        // A fresh start: the old error no longer says why the row waits, and its spent attempts are forgiven.
        return await connection.Command("""
            UPDATE outbox SET state = 'pending', attempts = 0, not_before = @now, last_error = NULL, claimed_until = NULL
            WHERE state = 'failed' AND created_at >= @since
              AND subscriber_id IN (SELECT id FROM subscribers WHERE active = 1)
            """)
            .With("@now", now.ToUnixMs())
            .With("@since", since.ToUnixMs())
            .RunAsync(ct);
    }

    // last_error keeps why the row waits (rate limited, an outage): the report groups pending rows by it.
    private async Task BackToPendingAsync(OutboxMessage claimed, DateTimeOffset notBefore, string reason, int attemptsSpent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        await using var connection = await db.OpenAsync(ct);
        await connection.Command($"""
            UPDATE outbox SET state = 'pending', not_before = @notBefore, last_error = @reason, attempts = attempts + @spent,
                claimed_until = NULL
            WHERE {CurrentClaim}
            """)
            .With("@id", claimed.Id)
            .With("@claim", claimed.Claim)
            .With("@notBefore", notBefore.ToUnixMs())
            .With("@reason", reason)
            .With("@spent", attemptsSpent)
            .RunAsync(ct);
    }
}
