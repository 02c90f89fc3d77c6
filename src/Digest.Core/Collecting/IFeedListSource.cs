namespace Digest.Core.Collecting;

/// <summary>The baseline feed list: the built-in OPML, or the file named by Feeds:Opml.</summary>
public interface IFeedListSource
{
    Task<IReadOnlyList<FeedSource>> LoadAsync(CancellationToken ct);
}
