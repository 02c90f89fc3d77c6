namespace Digest.Integration.Tests.Hosting;

/// <summary>Makes a database unreachable for real, for good (the test directory's cleanup removes what is left).</summary>
public static class UnreachableDatabase
{
    /// <summary>
    /// Moves the database's directory aside and puts a plain file in its place, so opening a connection fails (creating
    /// the directory fails, and so would SQLite). Taking permissions away instead would not stop a process running as
    /// root, as tests in containers often do. One way only: putting it back races the app, which recreates a missing
    /// directory (and an empty database in it) on its next open.
    /// </summary>
    public static void Make(string databasePath)
    {
        var directory = Path.GetDirectoryName(databasePath)!;
        var blocker = directory + ".blocker";
        File.WriteAllText(blocker, "not a directory");
        // The running app may recreate the directory between the two moves (its loops open the database at any
        // moment): then that one goes aside too, and the file is moved in again.
        for (var attempt = 0; ; attempt++)
        {
            // Idle pooled connections would still work on the moved files.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Move(directory, $"{directory}.aside{attempt}");
            try
            {
                File.Move(blocker, directory);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && attempt < 10 && Directory.Exists(directory))
            {
                // Recreated in between: try again.
            }
        }
    }
}
