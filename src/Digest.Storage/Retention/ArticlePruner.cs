using Digest.Storage.Editions;
using Digest.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Digest.Storage.Retention;

/// <summary>Deletes old articles no kept edition cites, with their assessments and write-ups.</summary>
internal static class ArticlePruner
{
    // Editions store their items as JSON, so the cited ids are read from there rather than kept twice.
    private static readonly string CitedSql = $"""
        SELECT DISTINCT json_extract(i.value, '{EditionJson.ArticleIdPath}')
        FROM editions e, json_each(e.content, '{EditionJson.ItemsPath}') i
        WHERE e.id > @after AND json_extract(i.value, '{EditionJson.ArticleIdPath}') IS NOT NULL
        """;

    public static async Task<int> DeleteAsync(SqliteConnection connection, long firstSeenBefore, int batchSize, CancellationToken ct)
    {
        // The citations are read once; an edition saved while pruning runs is checked again in each batch's transaction.
        var newestEdition = await connection.Command("SELECT COALESCE(MAX(id), 0) FROM editions").ScalarInt64Async(ct);
        var cited = (await CitedAsync(connection, null, after: 0, ct)).ToHashSet();

        var total = 0;
        var last = 0L;
        while (true)
        {
            var page = await connection.Command(
                "SELECT id FROM articles WHERE first_seen_at < @before AND id > @last ORDER BY id LIMIT @batch")
                .With("@before", firstSeenBefore)
                .With("@last", last)
                .With("@batch", batchSize)
                .ListAsync(r => r.GetInt64(0), ct);
            if (page.Count == 0)
            {
                return total;
            }
            last = page[^1];
            var uncited = page.Where(id => !cited.Contains(id)).ToList();
            if (uncited.Count > 0)
            {
                total += await DeleteBatchAsync(connection, uncited, newestEdition, ct);
            }
        }
    }

    private static async Task<int> DeleteBatchAsync(SqliteConnection connection, List<long> ids, long newestEdition, CancellationToken ct)
    {
        await using var tx = connection.BeginTransaction();
        var citedSince = (await CitedAsync(connection, tx, newestEdition, ct)).ToHashSet();
        var list = Values.IdList(ids.Where(id => !citedSince.Contains(id)));
        // Children first: assessments and write-ups reference their article.
        foreach (var table in new[] { "assessments", "writeups" })
        {
            await connection.Command($"DELETE FROM {table} WHERE article_id IN (SELECT value FROM json_each(@ids))", tx)
                .With("@ids", list)
                .RunAsync(ct);
        }
        // The FTS delete trigger takes each article out of the search index.
        var deleted = await connection.Command("DELETE FROM articles WHERE id IN (SELECT value FROM json_each(@ids))", tx)
            .With("@ids", list)
            .RunAsync(ct);
        await tx.CommitAsync(ct);
        return deleted;
    }

    private static Task<List<long>> CitedAsync(SqliteConnection connection, SqliteTransaction? tx, long after, CancellationToken ct) =>
        connection.Command(CitedSql, tx).With("@after", after).ListAsync(r => r.GetInt64(0), ct);
}
