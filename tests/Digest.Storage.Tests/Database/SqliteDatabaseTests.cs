using Digest.Storage.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Digest.Storage.Tests.Database;

public sealed class SqliteDatabaseTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Migrations_apply_twice_and_again_after_a_reopen_without_error()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.Db.MigrateAsync(Ct);
        await test.Reopen().MigrateAsync(Ct);

        var expected = SqliteDatabase.Migrations().Select(m => m.Version).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await test.Db.GetAppliedVersionsAsync(Ct));
    }

    [Fact]
    public async Task Migrated_database_has_every_table_the_stores_use()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using var connection = await test.Db.OpenAsync(Ct);
        var tables = await connection.Command("SELECT name FROM sqlite_master WHERE type = 'table'").ListAsync(r => r.GetString(0), Ct);

        Assert.Superset(
            new HashSet<string>(["articles", "articles_fts", "user_feeds", "feed_health", "collect_reports", "assessments",
                "writeups", "llm_usage", "editions", "subscribers", "deliveries", "message_contents", "outbox", "senders", "schema_version"]),
            tables.ToHashSet());
    }

    [Fact]
    public async Task Connections_use_wal_foreign_keys_and_a_busy_timeout()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using var connection = await test.Db.OpenAsync(Ct);

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));
        Assert.Equal("5000", await PragmaAsync(connection, "busy_timeout"));
        Assert.Equal("1", await PragmaAsync(connection, "synchronous")); // NORMAL
    }

    [Fact]
    public async Task Missing_directories_of_the_path_are_created()
    {
        var root = Path.Combine(Path.GetTempPath(), "digest-storage-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(root, "nested", "deeper", "digest.db");
        try
        {
            using var db = new SqliteDatabase(Options.Create(new StorageOptions { Path = path }));
            await db.MigrateAsync(Ct);
            Assert.True(File.Exists(path));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(":memory:")]
    public void A_path_that_is_not_a_file_is_rejected(string path) =>
        Assert.NotNull(new StorageOptions { Path = path }.Validate());

    [Fact]
    public void The_default_path_is_valid() => Assert.Null(new StorageOptions().Validate());

    private static async Task<string> PragmaAsync(SqliteConnection connection, string name)
    {
        await using var command = connection.Command($"PRAGMA {name}");
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
