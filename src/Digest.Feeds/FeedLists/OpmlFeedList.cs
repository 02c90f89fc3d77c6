using Digest.Core.Collecting;
using Microsoft.Extensions.Options;

namespace Digest.Feeds.FeedLists;

/// <summary>The baseline feed list: the built-in OPML, or the file named by Feeds:Opml in its place.</summary>
public sealed class OpmlFeedList(IOptions<FeedOptions> options) : IFeedListSource
{
    /// <summary>The embedded resource holding the built-in list (the HN popular blogs of 2025).</summary>
    public const string BuiltInResourceName = "Digest.Feeds.DefaultFeeds.opml";

    public async Task<IReadOnlyList<FeedSource>> LoadAsync(CancellationToken ct)
    {
        var path = options.Value.Opml;
        if (string.IsNullOrWhiteSpace(path))
        {
            return LoadBuiltIn();
        }
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"{FeedOptions.SectionName}:Opml names a file that does not exist: '{fullPath}'.", fullPath);
        }
        using var buffer = new MemoryStream(await File.ReadAllBytesAsync(fullPath, ct));
        IReadOnlyList<FeedSource> feeds;
        try
        {
            feeds = Opml.Parse(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{FeedOptions.SectionName}:Opml file '{fullPath}' cannot be used: {e.Message}", e);
        }
        return feeds.Count > 0
            ? feeds
            : throw new InvalidDataException($"{FeedOptions.SectionName}:Opml file '{fullPath}' lists no http(s) feeds.");
    }

    private static IReadOnlyList<FeedSource> LoadBuiltIn()
    {
        using var stream = typeof(OpmlFeedList).Assembly.GetManifestResourceStream(BuiltInResourceName)
            ?? throw new InvalidOperationException($"The built-in feed list '{BuiltInResourceName}' is missing from the assembly.");
        return Opml.Parse(stream);
    }
}
