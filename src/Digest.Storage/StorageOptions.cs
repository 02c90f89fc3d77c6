namespace Digest.Storage;

/// <summary>Where the SQLite database lives (configuration section "Storage").</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The database file; relative paths resolve against the working directory.</summary>
    public string Path { get; set; } = "./data/digest.db";

    /// <summary>Null when valid, else what is wrong.</summary>
    internal string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            return "Storage:Path must name a database file.";
        }
        // Several pooled connections must see one database, so a private in-memory one cannot work.
        if (Path.Trim().StartsWith(':'))
        {
            return "Storage:Path must be a file, not an in-memory database.";
        }
        if (Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            return "Storage:Path contains characters that are not valid in a path.";
        }
        return null;
    }
}
