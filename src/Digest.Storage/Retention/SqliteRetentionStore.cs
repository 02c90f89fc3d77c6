using Digest.Core.Retention;
using Digest.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Digest.Storage.Retention;

/// <summary>
/// Prunes in dependency order (rows before their deliveries and bodies, deliveries before editions, editions before
/// the articles they cite), in batches that each commit on their own: senders and collectors write in between instead
/// of waiting for one long transaction.
/// </summary>
public sealed class SqliteRetentionStore(SqliteDatabase db) : IRetentionStore
{
    internal const int BatchSize = 2000;

    // Finished rows go only with their whole delivery: a delivery keeps all its parts while any part is owed.
    private const string FinishedRows = """
        SELECT o.id FROM outbox o
        WHERE o.state IN ('sent', 'failed') AND COALESCE(o.sent_at, o.created_at) < @before
          AND NOT EXISTS (SELECT 1 FROM outbox owed WHERE owed.delivery_id = o.delivery_id AND owed.state IN ('pending', 'claimed'))
        """;

    // A delivery with no rows left is finished (or waited for an edition that never came); its key is no longer needed.
    private const string EmptyDeliveries = """
        SELECT d.id FROM deliveries d
        WHERE d.created_at < @before AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.delivery_id = d.id)
        """;

    private const string UnusedContents = """
        SELECT c.id FROM message_contents c WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.content_id = c.id)
        """;

    // The latest report stays however old: the next edition's data overview reads it.
    private const string OldReports = """
        SELECT id FROM collect_reports
        WHERE finished_at < @before
          AND id <> (SELECT id FROM collect_reports ORDER BY finished_at DESC, id DESC LIMIT 1)
        """;

    private const string OldUsage = "SELECT id FROM llm_usage WHERE at < @before";

    // Superseded editions only: the last of each (kind, date) stays as that day's record, and so does any edition a
    // delivery still points at (deliveries carry no foreign key to editions, so this is what keeps them whole).
    private const string OldEditions = """
        SELECT e.id FROM editions e
        WHERE e.generated_at < @before
          AND e.id NOT IN (SELECT edition_id FROM deliveries WHERE edition_id IS NOT NULL)
          AND EXISTS (SELECT 1 FROM editions later
                      WHERE later.kind = e.kind AND later.date = e.date
                        AND (later.generated_at > e.generated_at OR (later.generated_at = e.generated_at AND later.id > e.id)))
        """;

    private const string SenderGone = "SELECT id FROM senders WHERE heartbeat_at < @before";

    public async Task<PruneReport> PruneAsync(DateTimeOffset before, DateTimeOffset articlesBefore, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var cutoff = before.ToUnixMs();
        var outboxRows = await DeleteAsync(connection, "outbox", FinishedRows, cutoff, ct);
        var deliveries = await DeleteAsync(connection, "deliveries", EmptyDeliveries, cutoff, ct);
        var contents = await DeleteAsync(connection, "message_contents", UnusedContents, cutoff, ct);
        var reports = await DeleteAsync(connection, "collect_reports", OldReports, cutoff, ct);
        var usage = await DeleteAsync(connection, "llm_usage", OldUsage, cutoff, ct);
        var editions = await DeleteAsync(connection, "editions", OldEditions, cutoff, ct);
        // A sender that never retired (it crashed) has no claim left worth protecting; it is not counted.
        await DeleteAsync(connection, "senders", SenderGone, cutoff, ct);
        var articles = await ArticlePruner.DeleteAsync(connection, articlesBefore.ToUnixMs(), BatchSize, ct);
        return new PruneReport(outboxRows, deliveries, contents, reports, usage, editions, articles);
    }

    /// <summary>Deletes the rows <paramref name="select"/> names, a batch per statement, until none is left.</summary>
    private static async Task<int> DeleteAsync(SqliteConnection connection, string table, string select, long before, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var deleted = await connection.Command($"DELETE FROM {table} WHERE id IN ({select} LIMIT @batch)")
                .With("@before", before)
                .With("@batch", BatchSize)
                .RunAsync(ct);
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }
}
