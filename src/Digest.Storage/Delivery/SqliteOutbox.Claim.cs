using Digest.Core.Delivery;
using Digest.Storage.Sql;
using Digest.Storage.Subscriptions;
using Microsoft.Data.Sqlite;

namespace Digest.Storage.Delivery;

/// <summary>Senders' heartbeats and claims: which rows a sender may take, and taking them.</summary>
public sealed partial class SqliteOutbox
{
    public const string InactiveSubscriberError = "subscriber inactive";

    // A claimed row is free again when its lease ran out, or when its sender stopped beating (crashed): then at once,
    // not a lease later. A claim with no sender (made before senders beat) waits for its lease.
    private const string ClaimIsStale = """
        (candidate.claimed_until < @now
         OR (candidate.claimed_by IS NOT NULL AND candidate.claimed_by NOT IN (SELECT id FROM senders WHERE heartbeat_at >= @alive)))
        """;

    // A chat's parts go out in order also across senders: a part waits while an earlier part of its delivery is held
    // by another sender that is alive, or is held until later (a rate limit, an outage). Earlier parts that are due,
    // or whose sender died, are candidates themselves and come first in id order, so they are taken in the same claim.
    private const string EarlierPartsFree = """
        NOT EXISTS (SELECT 1 FROM outbox earlier
                    WHERE earlier.delivery_id = candidate.delivery_id AND earlier.part < candidate.part
                      AND ((earlier.state = 'pending' AND earlier.not_before > @now)
                           OR (earlier.state = 'claimed' AND earlier.claimed_by IS NOT @sender AND earlier.claimed_until >= @now
                               AND earlier.claimed_by IN (SELECT id FROM senders WHERE heartbeat_at >= @alive))))
        """;

    // A row is claimed when its subscriber is active or it is a reply (priority 0, ReplyPriority): someone who just
    // asked is owed the answer even if they unsubscribed meanwhile. Other rows of inactive subscribers are given up.
    private const string Keeps = "(s.active = 1 OR outbox.priority = 0)";

    // One statement claims the batch (and gives up the rows of inactive subscribers), so concurrent senders
    // (connections or processes) never share a row. RETURNING may name only the updated table, and it alone carries
    // the claim token this statement wrote. PostgreSQL: the same statement with FOR UPDATE SKIP LOCKED in the inner SELECT.
    private const string ClaimSql = $"""
        UPDATE outbox SET
            state = CASE WHEN {Keeps} THEN 'claimed' ELSE 'failed' END,
            claims = CASE WHEN {Keeps} THEN outbox.claims + 1 ELSE outbox.claims END,
            claimed_by = CASE WHEN {Keeps} THEN @sender ELSE outbox.claimed_by END,
            claimed_until = CASE WHEN {Keeps} THEN @until ELSE NULL END,
            last_error = CASE WHEN {Keeps} THEN outbox.last_error ELSE '{InactiveSubscriberError}' END
        FROM subscribers s
        WHERE s.id = outbox.subscriber_id
          AND outbox.id IN (
              SELECT candidate.id FROM outbox candidate
              WHERE candidate.state IN ('pending', 'claimed')
                AND ((candidate.state = 'pending' AND candidate.not_before <= @now) OR (candidate.state = 'claimed' AND {ClaimIsStale}))
                AND {EarlierPartsFree}
              ORDER BY candidate.priority, candidate.id
              LIMIT @max)
        RETURNING outbox.id, outbox.state, outbox.priority, outbox.part, outbox.content_id, outbox.claims, outbox.attempts
        """;

    public async Task HeartbeatAsync(string senderId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(senderId);
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            INSERT INTO senders (id, heartbeat_at) VALUES (@id, @now)
            ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
            """)
            .With("@id", senderId)
            .With("@now", now.ToUnixMs())
            .RunAsync(ct);
    }

    public async Task RetireSenderAsync(string senderId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("DELETE FROM senders WHERE id = @id").With("@id", senderId).RunAsync(ct);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string senderId, int max, DateTimeOffset now, TimeSpan lease,
        TimeSpan staleAfter, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(senderId);
        if (max <= 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        while (true)
        {
            var batch = await connection.Command(ClaimSql)
                .With("@sender", senderId)
                .With("@now", now.ToUnixMs())
                .With("@alive", (now - staleAfter).ToUnixMs())
                .With("@until", (now + lease).ToUnixMs())
                .With("@max", max)
                .ListAsync(r => new ClaimedRow(
                    r.GetInt64(0), r.GetString(1) == "claimed", r.GetInt32(2), r.GetInt32(3), r.GetInt64(4), r.GetInt32(5), r.GetInt32(6)), ct);
            var claimed = batch.Where(b => b.Claimed).OrderBy(b => b.Priority).ThenBy(b => b.Id).ToList();
            // A batch made only of dropped rows says nothing about the rest of the queue: look again.
            if (claimed.Count > 0 || batch.Count == 0)
            {
                return await LoadAsync(connection, claimed, ct);
            }
        }
    }

    /// <summary>
    /// The claimed rows with their delivery, the subscriber's current address and the shared contents. The claim token
    /// and attempts come from the claim itself, never from a later read another claim could have changed.
    /// </summary>
    private static async Task<IReadOnlyList<OutboxMessage>> LoadAsync(SqliteConnection connection, List<ClaimedRow> claimed, CancellationToken ct)
    {
        if (claimed.Count == 0)
        {
            return [];
        }
        var rows = (await connection.Command("""
            SELECT o.id, d.id, d.kind, d.edition_id, s.id, s.platform, s.chat_id, s.kind
            FROM outbox o JOIN deliveries d ON d.id = o.delivery_id JOIN subscribers s ON s.id = o.subscriber_id
            WHERE o.id IN (SELECT value FROM json_each(@ids))
            """)
            .With("@ids", Values.IdList(claimed.Select(c => c.Id)))
            .ListAsync(r => new RowAddress(
                r.GetInt64(0), r.GetInt64(1), ParseKind(r.GetString(2)), r.GetInt64OrNull(3), r.GetInt64(4), r.GetString(5),
                r.GetString(6), SqliteSubscriberStore.ParseKind(r.GetString(7))), ct))
            .ToDictionary(r => r.Id);

        // Rows sharing a content share one MessagePart (and one copy of the photo bytes).
        var contents = (await connection.Command(
                $"SELECT id, {MessageContents.Columns} FROM message_contents WHERE id IN (SELECT value FROM json_each(@ids))")
            .With("@ids", Values.IdList(claimed.Select(c => c.ContentId)))
            .ListAsync(r => (Id: r.GetInt64(0), Part: MessageContents.Read(r, 1)), ct))
            .ToDictionary(c => c.Id, c => c.Part);

        // A row deleted in between (a merged chat's) is skipped, not allowed to strand the rest of the batch.
        return claimed
            .Where(c => rows.ContainsKey(c.Id))
            .Select(c => (Claim: c, Address: rows[c.Id]))
            .Select(x => new OutboxMessage(x.Claim.Id, x.Address.DeliveryId, x.Address.Kind, x.Address.EditionId, x.Address.SubscriberId,
                x.Claim.Part, x.Address.Platform, x.Address.ChatId, x.Address.ChatKind, contents[x.Claim.ContentId], x.Claim.Claims,
                x.Claim.Attempts))
            .ToList();
    }

    private sealed record ClaimedRow(long Id, bool Claimed, int Priority, int Part, long ContentId, int Claims, int Attempts);

    private sealed record RowAddress(long Id, long DeliveryId, DeliveryKind Kind, long? EditionId, long SubscriberId, string Platform,
        string ChatId, Core.Subscriptions.ChatKind ChatKind);
}
