using System.Security.Cryptography;
using System.Text;
using Digest.Core.Delivery;
using Digest.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Digest.Storage.Delivery;

/// <summary>
/// Stores each distinct message body once, keyed by its SHA-256, inside an enqueue's transaction.
/// The dictionaries only spare repeated hashing and lookups within one call; the table stays the only copy.
/// </summary>
internal sealed class MessageContents : IAsyncDisposable
{
    private readonly Dictionary<MessagePart, long> byInstance = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, long> byHash = new(StringComparer.Ordinal);
    private readonly SqliteCommand insert;
    private readonly SqliteCommand select;

    public MessageContents(SqliteConnection connection, SqliteTransaction tx)
    {
        insert = connection.Command("""
            INSERT INTO message_contents (hash, format, text, photo, photo_name, thread_name) VALUES (@hash, @format, @text, @photo, @name, @thread)
            ON CONFLICT (hash) DO NOTHING
            """, tx);
        select = connection.Command("SELECT id FROM message_contents WHERE hash = @hash", tx);
    }

    public async Task<long> IdOfAsync(MessagePart part, CancellationToken ct)
    {
        if (byInstance.TryGetValue(part, out var known))
        {
            return known;
        }
        var hash = Hash(part);
        var key = Convert.ToHexString(hash);
        if (!byHash.TryGetValue(key, out var id))
        {
            insert.Parameters.Clear();
            await insert.With("@hash", hash)
                .With("@format", part.Format.ToString())
                .With("@text", part.Text)
                .With("@photo", part.Photo)
                .With("@name", part.PhotoName)
                .With("@thread", part.ThreadName)
                .ExecuteNonQueryAsync(ct);
            select.Parameters.Clear();
            id = (long)(await select.With("@hash", hash).ExecuteScalarAsync(ct)
                ?? throw new InvalidOperationException("A message content vanished inside its transaction."));
            byHash[key] = id;
        }
        byInstance[part] = id;
        return id;
    }

    /// <summary>The columns <see cref="Read"/> reads, in order, from a table aliased or named message_contents.</summary>
    public const string Columns = "format, text, photo, photo_name, thread_name";

    public static MessagePart Read(SqliteDataReader r, int first) => new(
        Enum.TryParse<MessageFormat>(r.GetString(first), out var format) ? format : MessageFormat.Plain,
        r.GetString(first + 1),
        r.IsDBNull(first + 2) ? null : r.GetFieldValue<byte[]>(first + 2),
        r.GetStringOrNull(first + 3))
    {
        ThreadName = r.GetStringOrNull(first + 4),
    };

    /// <summary>Every field length-prefixed, so no two different messages can hash the same input.</summary>
    internal static byte[] Hash(MessagePart part)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendString(sha, part.Format.ToString());
        AppendString(sha, part.Text);
        AppendBytes(sha, part.Photo);
        AppendString(sha, part.PhotoName);
        // Only when set, so every body stored before threads existed keeps its hash.
        if (part.ThreadName is { } thread)
        {
            AppendString(sha, thread);
        }
        return sha.GetHashAndReset();
    }

    public async ValueTask DisposeAsync()
    {
        await insert.DisposeAsync();
        await select.DisposeAsync();
    }

    private static void AppendString(IncrementalHash sha, string? value) =>
        AppendBytes(sha, value is null ? null : Encoding.UTF8.GetBytes(value));

    private static void AppendBytes(IncrementalHash sha, byte[]? value)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, value?.Length ?? -1);
        sha.AppendData(length);
        if (value is not null)
        {
            sha.AppendData(value);
        }
    }
}
