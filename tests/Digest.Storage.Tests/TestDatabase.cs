using Microsoft.Extensions.Options;

namespace Digest.Storage.Tests;

/// <summary>A migrated database in its own temp directory, deleted with everything in it at dispose.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string directory;

    private TestDatabase(string directory)
    {
        this.directory = directory;
        Db = Open();
    }

    public SqliteDatabase Db { get; private set; }

    public string FilePath => Path.Combine(directory, "digest.db");

    public static Task<TestDatabase> CreateAsync() => CreateAsync(int.MaxValue);

    /// <summary>A database with the migrations up to <paramref name="lastVersion"/> only, as an older release left it.</summary>
    public static async Task<TestDatabase> CreateAsync(int lastVersion)
    {
        var database = new TestDatabase(Path.Combine(Path.GetTempPath(), "digest-storage-tests", Guid.NewGuid().ToString("N")));
        await database.Db.MigrateUpToAsync(lastVersion, CancellationToken.None);
        return database;
    }

    /// <summary>Closes every connection and opens the file again, as a restarted process would.</summary>
    public SqliteDatabase Reopen()
    {
        Db.Dispose();
        Db = Open();
        return Db;
    }

    public ValueTask DisposeAsync()
    {
        Db.Dispose();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
        return ValueTask.CompletedTask;
    }

    private SqliteDatabase Open() => new(Options.Create(new StorageOptions { Path = FilePath }));
}
