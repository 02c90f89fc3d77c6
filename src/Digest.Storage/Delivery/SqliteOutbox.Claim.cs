using Digest.Core.Delivery;
using Digest.Storage.Sql;
using Digest.Storage.Subscriptions;
using Microsoft.Data.Sqlite;

namespace Digest.Storage.Delivery;

public sealed partial class SqliteOutbox
{
    public const string InactiveSubscriberError = "subscriber inactive";

    // One statement claims the batch, so concurrent senders (connections or processes) never share a row.
    // Rows of subscribers who are no longer active are given up in the same statement instead of being claimed.
    // PostgreSQL: the same statement with FOR UPDATE SKIP LOCKED in the inner SELECT.
    private const string ClaimSql = $"""
        UPDATE outbox SET
            state = CASE WHEN s.active = 1 THEN 'claimed' ELSE 'failed' END,
            claimed_until = CASE WHEN s.active = 1 THEN @until ELSE NULL END,
            attempts = CASE WHEN s.active = 1 THEN outbox.attempts + 1 ELSE outbox.attempts END,
            last_error = CASE WHEN s.active = 1 THEN outbox.last_error ELSE '{InactiveSubscriberError}' END
        FROM subscribers s
        WHERE s.id = outbox.subscriber_id
          AND outbox.id IN (
              SELECT id FROM outbox
              WHERE state IN ('pending', 'claimed')
                AND ((state = 'pending' AND not_before <= @now) OR (state = 'claimed' AND claimed_until < @now))
              ORDER BY id
              LIMIT @max)
        RETURNING outbox.id, outbox.state
        """;

    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        if (max <= 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        while (true)
        {
            var batch = await connection.Command(ClaimSql)
                .With("@now", now.ToUnixMs())
                .With("@until", (now + lease).ToUnixMs())
                .With("@max", max)
                .ListAsync(r => (Id: r.GetInt64(0), Claimed: r.GetString(1) == "claimed"), ct);
            var claimed = batch.Where(b => b.Claimed).Select(b => b.Id).ToList();
            // A batch made only of dropped rows says nothing about the rest of the queue: look again.
            if (claimed.Count > 0 || batch.Count == 0)
            {
                return await LoadAsync(connection, claimed, ct);
            }
        }
    }

    /// <summary>The claimed rows with the subscriber's current address and the shared contents, in id order.</summary>
    private static async Task<IReadOnlyList<OutboxMessage>> LoadAsync(SqliteConnection connection, List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await connection.Command("""
            SELECT o.id, o.edition_id, o.subscriber_id, o.part, o.attempts, o.content_id, s.platform, s.chat_id, s.kind
            FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id
            WHERE o.id IN (SELECT value FROM json_each(@ids))
            ORDER BY o.id
            """)
            .With("@ids", Values.IdList(ids))
            .ListAsync(r => (
                Id: r.GetInt64(0), Edition: r.GetInt64(1), Subscriber: r.GetInt64(2), Part: r.GetInt32(3), Attempts: r.GetInt32(4),
                Content: r.GetInt64(5), Platform: r.GetString(6), ChatId: r.GetString(7), Kind: SqliteSubscriberStore.ParseKind(r.GetString(8))), ct);

        // Rows sharing a content share one MessagePart (and one copy of the photo bytes).
        var contents = (await connection.Command(
                "SELECT id, format, text, photo, photo_name FROM message_contents WHERE id IN (SELECT value FROM json_each(@ids))")
            .With("@ids", Values.IdList(rows.Select(r => r.Content)))
            .ListAsync(r => (Id: r.GetInt64(0), Part: MessageContents.Read(r, 1)), ct))
            .ToDictionary(c => c.Id, c => c.Part);

        return rows
            .Select(r => new OutboxMessage(r.Id, r.Edition, r.Subscriber, r.Part, r.Platform, r.ChatId, r.Kind, contents[r.Content], r.Attempts))
            .ToList();
    }
}
