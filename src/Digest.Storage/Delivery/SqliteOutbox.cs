using Digest.Core.Delivery;
using Digest.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Digest.Storage.Delivery;

/// <summary>
/// The delivery outbox: deliveries keyed once per (subscriber, kind, slot), their parts as rows. Every row state change
/// is one UPDATE conditional on the row's current claim. This part records deliveries and their parts.
/// </summary>
public sealed partial class SqliteOutbox(SqliteDatabase db) : IOutbox
{
    /// <summary>Replies share the outbox with editions but are claimed first.</summary>
    internal const int ReplyPriority = 0;
    internal const int EditionPriority = 1;

    public async Task<bool> EnqueueAsync(DeliveryRequest delivery, IReadOnlyList<MessagePart> parts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        RequireParts(parts);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        var id = await InsertDeliveryAsync(connection, tx, delivery, delivery.EditionId, ct);
        if (id == 0)
        {
            return false;
        }
        // A row is owed since its delivery was recorded, which is when it was asked to go out.
        await InsertPartsAsync(connection, tx, id, delivery.SubscriberId, delivery.Kind, parts, delivery.NotBefore, delivery.NotBefore, ct);
        await RecordArticlesAsync(connection, tx, id, delivery.Articles, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <remarks>The delivery is recorded at <see cref="DeliveryRequest.NotBefore"/>: that is its requested-at.</remarks>
    public async Task<bool> RequestAsync(DeliveryRequest delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        // A delivery with an edition but no parts would look fulfilled and never be sent.
        if (delivery.EditionId is not null)
        {
            throw new ArgumentException("A requested delivery waits for its edition: EditionId must be null.", nameof(delivery));
        }
        await using var connection = await db.OpenAsync(ct);
        return await InsertDeliveryAsync(connection, null, delivery, null, ct) != 0;
    }

    public async Task<IReadOnlyList<WaitingDelivery>> GetWaitingAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        // No edition and no parts: a reply enqueued without an edition (an answer) has parts, so it is not waiting.
        return await connection.Command("""
            SELECT d.id, d.subscriber_id, d.kind, d.slot, d.created_at FROM deliveries d
            WHERE d.edition_id IS NULL AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.delivery_id = d.id)
            ORDER BY d.created_at, d.id
            """)
            .ListAsync(r => new WaitingDelivery(
                r.GetInt64(0), r.GetInt64(1), ParseKind(r.GetString(2)), r.GetString(3), Values.FromUnixMs(r.GetInt64(4))), ct);
    }

    public async Task<bool> FulfilAsync(
        long deliveryId, long editionId, IReadOnlyList<MessagePart> parts, IReadOnlyList<SentArticle> articles, DateTimeOffset notBefore, CancellationToken ct)
    {
        RequireParts(parts);
        ArgumentNullException.ThrowIfNull(articles);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        // The conditional update is the claim on the waiting delivery: a second planner finds it taken and adds nothing.
        var waiting = await connection.Command("""
            UPDATE deliveries SET edition_id = @edition
            WHERE id = @id AND edition_id IS NULL AND NOT EXISTS (SELECT 1 FROM outbox WHERE delivery_id = @id)
            RETURNING subscriber_id, kind, created_at
            """, tx)
            .With("@id", deliveryId)
            .With("@edition", editionId)
            .FirstOrDefaultAsync(r => new Waiting(r.GetInt64(0), ParseKind(r.GetString(1)), Values.FromUnixMs(r.GetInt64(2))), ct);
        if (waiting is null)
        {
            return false;
        }
        // Owed since it was requested, not since the edition came: the report shows how long the person has waited.
        await InsertPartsAsync(connection, tx, deliveryId, waiting.SubscriberId, waiting.Kind, parts, notBefore, waiting.RequestedAt, ct);
        await RecordArticlesAsync(connection, tx, deliveryId, articles, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<IReadOnlySet<long>> GetDeliveredAsync(DeliveryKind kind, string slot, IReadOnlyCollection<long> subscriberIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscriberIds);
        if (subscriberIds.Count == 0)
        {
            return new HashSet<long>();
        }
        await using var connection = await db.OpenAsync(ct);
        var ids = await connection.Command("""
            SELECT subscriber_id FROM deliveries
            WHERE kind = @kind AND slot = @slot AND subscriber_id IN (SELECT value FROM json_each(@ids))
            """)
            .With("@kind", KindName(kind))
            .With("@slot", slot)
            .With("@ids", Values.IdList(subscriberIds))
            .ListAsync(r => r.GetInt64(0), ct);
        return ids.ToHashSet();
    }

    public async Task<DateTimeOffset?> LastRecordedAtAsync(long subscriberId, DeliveryKind kind, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var at = await connection.Command("SELECT MAX(created_at) FROM deliveries WHERE subscriber_id = @subscriber AND kind = @kind")
            .With("@subscriber", subscriberId)
            .With("@kind", KindName(kind))
            .ListAsync(r => r.GetInt64OrNull(0), ct);
        return at is [{ } ms] ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    internal static string KindName(DeliveryKind kind) => kind.ToString().ToLowerInvariant();

    internal static DeliveryKind ParseKind(string name) =>
        Enum.TryParse<DeliveryKind>(name, ignoreCase: true, out var kind) ? kind : DeliveryKind.Daily;

    internal static int PriorityOf(DeliveryKind kind) => kind == DeliveryKind.Reply ? ReplyPriority : EditionPriority;

    /// <summary>The new delivery's id, or 0 when one with its key exists.</summary>
    private static Task<long> InsertDeliveryAsync(SqliteConnection connection, SqliteTransaction? tx, DeliveryRequest delivery,
        long? editionId, CancellationToken ct) =>
        connection.Command("""
            INSERT INTO deliveries (subscriber_id, kind, slot, edition_id, created_at)
            VALUES (@subscriber, @kind, @slot, @edition, @created)
            ON CONFLICT (subscriber_id, kind, slot) DO NOTHING
            RETURNING id
            """, tx)
            .With("@subscriber", delivery.SubscriberId)
            .With("@kind", KindName(delivery.Kind))
            .With("@slot", delivery.Slot)
            .With("@edition", editionId)
            .With("@created", delivery.NotBefore.ToUnixMs())
            .ScalarInt64Async(ct);

    /// <summary>The parts as rows numbered from 0, each body stored once however many rows share it.</summary>
    private static async Task InsertPartsAsync(SqliteConnection connection, SqliteTransaction tx, long deliveryId, long subscriberId,
        DeliveryKind kind, IReadOnlyList<MessagePart> parts, DateTimeOffset notBefore, DateTimeOffset createdAt, CancellationToken ct)
    {
        await using var contents = new MessageContents(connection, tx);
        await using var insert = connection.Command("""
            INSERT INTO outbox (delivery_id, subscriber_id, part, content_id, priority, not_before, created_at)
            VALUES (@delivery, @subscriber, @part, @content, @priority, @notBefore, @created)
            """, tx);
        insert.With("@delivery", deliveryId)
            .With("@subscriber", subscriberId)
            .With("@priority", PriorityOf(kind))
            .With("@notBefore", notBefore.ToUnixMs())
            .With("@created", createdAt.ToUnixMs());
        var part = insert.Parameter("@part");
        var content = insert.Parameter("@content");
        for (var i = 0; i < parts.Count; i++)
        {
            part.Set(i);
            content.Set(await contents.IdOfAsync(parts[i], ct));
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    // A delivery without parts would be owed nothing yet look delivered, or look waiting for ever.
    private static void RequireParts(IReadOnlyList<MessagePart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("A delivery needs at least one part.", nameof(parts));
        }
    }

    private sealed record Waiting(long SubscriberId, DeliveryKind Kind, DateTimeOffset RequestedAt);
}
