using Digest.Core.Delivery;
using Digest.Core.Subscriptions;
using Digest.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Digest.Storage.Migrations;

/// <summary>
/// Finishes migration 6 where SQL can not: a daily delivery's slot is the subscriber's local day, but version 5 only
/// knew the edition's UTC date, which differs for anyone east or west enough of UTC (Berlin at 07:00 got the edition of
/// the UTC day before). Left as it was, upgrade day would bring some subscribers a second daily and cost others theirs.
/// Each migrated daily is re-keyed by the local day its first part was due or sent.
/// </summary>
internal static class LocalDaySlots
{
    public const int Version = 6;

    public static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken ct)
    {
        var dailies = await connection.Command("""
            SELECT d.id, s.time_zone, MIN(COALESCE(o.sent_at, o.not_before))
            FROM deliveries d
            JOIN subscribers s ON s.id = d.subscriber_id
            JOIN outbox o ON o.delivery_id = d.id
            WHERE d.kind = 'daily'
            GROUP BY d.id, s.time_zone
            """, tx)
            .ListAsync(r => (Id: r.GetInt64(0), Zone: r.GetString(1), At: DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2))), ct);
        // Two old editions that fell on one local day keep their own slots: both were sent, neither must go again.
        await using var update = connection.Command("UPDATE OR IGNORE deliveries SET slot = @slot WHERE id = @id", tx);
        var id = update.Parameter("@id");
        var slot = update.Parameter("@slot");
        foreach (var daily in dailies)
        {
            var local = TimeZoneInfo.ConvertTime(daily.At, Zones.FindOrUtc(daily.Zone));
            id.Set(daily.Id);
            slot.Set(DeliveryTimes.DailySlot(DateOnly.FromDateTime(local.DateTime)));
            await update.ExecuteNonQueryAsync(ct);
        }
    }
}
