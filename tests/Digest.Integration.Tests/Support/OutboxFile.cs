using Microsoft.Data.Sqlite;

namespace Digest.Integration.Tests.Support;

/// <summary>One outbox row as the SQLite file holds it.</summary>
/// <param name="Attempts">The row's own failures: outages, holds and rate limits must never count here.</param>
public sealed record OutboxRow(long Id, string ChatId, int Part, string State, int Attempts, string? LastError);

/// <summary>
/// Reads the outbox straight from the database file, for what <c>IOutbox</c> does not expose (the attempts a row spent).
/// Read-only and unpooled, so it never holds the file for the app.
/// </summary>
public static class OutboxFile
{
    public static async Task<IReadOnlyList<OutboxRow>> RowsAsync(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT o.id, s.chat_id, o.part, o.state, o.attempts, o.last_error
            FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id
            ORDER BY o.id
            """;
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return rows;
    }
}
