using Digest.Core.Collecting;
using Microsoft.Extensions.Options;

namespace Digest.Feeds.FeedLists;

/// <summary>
/// The weekly briefing's research and audio sources: the built-in OPML, or the file named by Feeds:WeeklyOpml in its
/// place. Separate from the daily list, which it neither adds to nor reads.
/// </summary>
public sealed class WeeklyFeedList(IOptions<FeedOptions> options) : IWeeklyFeedList
{
    /// <summary>The embedded resource holding the built-in weekly list (DefaultFeeds/weekly-sources.opml).</summary>
    public const string BuiltInResourceName = "Digest.Feeds.DefaultFeeds.weekly.opml";

    private const string Key = $"{FeedOptions.SectionName}:{nameof(FeedOptions.WeeklyOpml)}";

    public async Task<IReadOnlyList<WeeklySource>> LoadAsync(CancellationToken ct)
    {
        var path = options.Value.WeeklyOpml;
        if (string.IsNullOrWhiteSpace(path))
        {
            return LoadBuiltIn();
        }
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"{Key} names a file that does not exist: '{fullPath}'.", fullPath);
        }
        using var buffer = new MemoryStream(await File.ReadAllBytesAsync(fullPath, ct));
        IReadOnlyList<WeeklySource> sources;
        try
        {
            sources = WeeklyOpml.Parse(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{Key} file '{fullPath}' cannot be used: {e.Message}", e);
        }
        return sources.Count > 0
            ? sources
            : throw new InvalidDataException($"{Key} file '{fullPath}' lists no http(s) feeds.");
    }

    private static IReadOnlyList<WeeklySource> LoadBuiltIn()
    {
        using var stream = typeof(WeeklyFeedList).Assembly.GetManifestResourceStream(BuiltInResourceName)
            ?? throw new InvalidOperationException($"The built-in weekly list '{BuiltInResourceName}' is missing from the assembly.");
        return WeeklyOpml.Parse(stream);
    }
}
