using System.Reflection;
using Digest.Storage.Migrations;
using Digest.Storage.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Digest.Storage;

/// <summary>Opens configured connections to the Digest database and brings its schema up to date.</summary>
public sealed class SqliteDatabase : IDisposable
{
    private const string MigrationPrefix = "Digest.Storage.Migrations.";

    // Per-connection settings: pooled connections keep them, but a fresh one needs them, and they are cheap.
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    public SqliteDatabase(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FilePath = System.IO.Path.GetFullPath(options.Value.Path);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
        }.ToString();
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var directory = System.IO.Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await connection.ExecuteAsync(ConnectionPragmas, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Applies the embedded migrations not yet recorded in schema_version, each in its own transaction.</summary>
    public Task MigrateAsync(CancellationToken ct) => MigrateUpToAsync(int.MaxValue, ct);

    /// <summary>Applies migrations up to <paramref name="lastVersion"/> only: tests build an older schema to upgrade.</summary>
    internal async Task MigrateUpToAsync(int lastVersion, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        // WAL is a property of the file, so setting it once here serves every later connection.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;", ct);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL);", ct);

        foreach (var migration in Migrations().Where(m => m.Version <= lastVersion))
        {
            // An immediate transaction: two processes starting together apply each migration once.
            await using var tx = connection.BeginTransaction();
            var applied = await connection.Command("SELECT COUNT(*) FROM schema_version WHERE version = @v", tx)
                .With("@v", migration.Version)
                .ScalarInt64Async(ct);
            if (applied == 0)
            {
                await connection.ExecuteAsync(migration.Script, ct, tx);
                if (migration.Version == LocalDaySlots.Version)
                {
                    await LocalDaySlots.ApplyAsync(connection, tx, ct);
                }
                await connection.Command("INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @at)", tx)
                    .With("@v", migration.Version)
                    .With("@n", migration.Name)
                    .With("@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())
                    .RunAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>The versions recorded as applied, ascending.</summary>
    public async Task<IReadOnlyList<int>> GetAppliedVersionsAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var reader = await connection.Command("SELECT version FROM schema_version ORDER BY version").ExecuteReaderAsync(ct);
        var versions = new List<int>();
        while (await reader.ReadAsync(ct))
        {
            versions.Add(reader.GetInt32(0));
        }
        return versions;
    }

    /// <summary>Closes the pooled connections, so the file is released (and the WAL checkpointed) at shutdown.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    internal static IReadOnlyList<Migration> Migrations()
    {
        var assembly = typeof(SqliteDatabase).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(MigrationPrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static Migration Load(Assembly assembly, string resourceName)
    {
        var name = resourceName[MigrationPrefix.Length..^".sql".Length];
        var digits = new string(name.TakeWhile(char.IsAsciiDigit).ToArray());
        if (!int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration '{name}' must start with its version number, e.g. 0001_name.sql.");
        }
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Migration resource '{resourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return new Migration(version, name, reader.ReadToEnd());
    }

    internal sealed record Migration(int Version, string Name, string Script);
}
