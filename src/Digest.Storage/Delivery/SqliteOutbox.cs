using Digest.Core.Delivery;
using Digest.Storage.Sql;

namespace Digest.Storage.Delivery;

/// <summary>The delivery outbox; every state change is one UPDATE conditional on the row's current state.</summary>
public sealed partial class SqliteOutbox(SqliteDatabase db) : IOutbox
{
    public async Task<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return 0;
        }
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        await using var contents = new MessageContents(connection, tx);
        await using var insert = connection.Command("""
            INSERT INTO outbox (edition_id, subscriber_id, part, content_id, not_before)
            VALUES (@edition, @subscriber, @part, @content, @notBefore)
            ON CONFLICT (edition_id, subscriber_id, part) DO NOTHING
            """, tx);
        var edition = insert.Parameter("@edition");
        var subscriber = insert.Parameter("@subscriber");
        var part = insert.Parameter("@part");
        var content = insert.Parameter("@content");
        var notBefore = insert.Parameter("@notBefore");

        var added = 0;
        foreach (var entry in entries)
        {
            edition.Set(entry.EditionId);
            subscriber.Set(entry.SubscriberId);
            part.Set(entry.Part);
            content.Set(await contents.IdOfAsync(entry.Content, ct));
            notBefore.Set(entry.NotBefore.ToUnixMs());
            added += await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return added;
    }

    public async Task<bool> HasEntriesAsync(long editionId, long subscriberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command(
            "SELECT EXISTS (SELECT 1 FROM outbox WHERE edition_id = @edition AND subscriber_id = @subscriber)")
            .With("@edition", editionId)
            .With("@subscriber", subscriberId)
            .ScalarInt64Async(ct) != 0;
    }

    // Mark sent, retry later and mark failed finish a claim: a row dropped or re-queued meanwhile stays as it is.
    // Every claim increments attempts, so (id, attempts) names one claim: a sender whose lease ran out and whose
    // row was claimed again finishes nothing.
    private const string CurrentClaim = "id = @id AND state = 'claimed' AND attempts = @attempts";

    public async Task<bool> RenewAsync(OutboxMessage claimed, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command("UPDATE outbox SET claimed_until = @until WHERE " + CurrentClaim)
            .With("@id", claimed.Id)
            .With("@attempts", claimed.Attempts)
            .With("@until", (now + lease).ToUnixMs())
            .RunAsync(ct) == 1;
    }

    public async Task MarkSentAsync(OutboxMessage claimed, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command(
            "UPDATE outbox SET state = 'sent', sent_at = @at, claimed_until = NULL WHERE " + CurrentClaim)
            .With("@id", claimed.Id)
            .With("@attempts", claimed.Attempts)
            .With("@at", at.ToUnixMs())
            .RunAsync(ct);
    }

    public async Task RetryLaterAsync(OutboxMessage claimed, DateTimeOffset notBefore, string error, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command(
            "UPDATE outbox SET state = 'pending', not_before = @notBefore, last_error = @error, claimed_until = NULL WHERE " + CurrentClaim)
            .With("@id", claimed.Id)
            .With("@attempts", claimed.Attempts)
            .With("@notBefore", notBefore.ToUnixMs())
            .With("@error", error)
            .RunAsync(ct);
    }

    public async Task MarkFailedAsync(OutboxMessage claimed, string error, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command(
            "UPDATE outbox SET state = 'failed', last_error = @error, claimed_until = NULL WHERE " + CurrentClaim)
            .With("@id", claimed.Id)
            .With("@attempts", claimed.Attempts)
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

    public async Task<OutboxCounts> CountAsync(long? editionId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var command = editionId is { } id
            ? connection.Command("SELECT state, COUNT(*) FROM outbox WHERE edition_id = @edition GROUP BY state").With("@edition", id)
            : connection.Command("SELECT state, COUNT(*) FROM outbox GROUP BY state");
        var counts = (await command.ListAsync(r => (State: r.GetString(0), Count: r.GetInt32(1)), ct))
            .ToDictionary(c => c.State, c => c.Count, StringComparer.Ordinal);
        return new OutboxCounts(
            counts.GetValueOrDefault("pending"),
            counts.GetValueOrDefault("claimed"),
            counts.GetValueOrDefault("sent"),
            counts.GetValueOrDefault("failed"));
    }
}
