using System.Globalization;
using Digest.Core.Editions;
using Digest.Storage.Sql;

namespace Digest.Storage.Editions;

public sealed class SqliteEditionStore(SqliteDatabase db) : IEditionStore
{
    /// <summary>
    /// Always a new row, never a replacement: a day has one edition per slot that needed a fresh one, and a delivery
    /// must keep sending exactly the edition it was composed from.
    /// </summary>
    public async Task<Edition> SaveAsync(Edition edition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edition);
        await using var connection = await db.OpenAsync(ct);
        var id = await connection.Command("""
            INSERT INTO editions (kind, date, generated_at, content) VALUES (@kind, @date, @generated, @content)
            RETURNING id
            """)
            .With("@kind", KindName(edition.Kind))
            .With("@date", edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .With("@generated", edition.GeneratedAt.ToUnixMs())
            .With("@content", EditionJson.Serialize(edition with { Id = 0 }))
            .ScalarInt64Async(ct);
        return edition with { Id = id };
    }

    public async Task<Edition?> GetLatestAsync(EditionKind kind, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command(
            "SELECT id, content FROM editions WHERE kind = @kind ORDER BY generated_at DESC, id DESC LIMIT 1")
            .With("@kind", KindName(kind))
            .FirstOrDefaultAsync(r => EditionJson.Deserialize(r.GetString(1), r.GetInt64(0)), ct);
    }

    public async Task<Edition?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command("SELECT id, content FROM editions WHERE id = @id")
            .With("@id", id)
            .FirstOrDefaultAsync(r => EditionJson.Deserialize(r.GetString(1), r.GetInt64(0)), ct);
    }

    private static string KindName(EditionKind kind) => kind.ToString().ToLowerInvariant();
}
