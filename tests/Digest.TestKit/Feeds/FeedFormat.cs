namespace Digest.TestKit.Feeds;

/// <summary>The wire formats <see cref="FeedServer"/> can generate.</summary>
public enum FeedFormat
{
    Rss20,
    Rss10,
    Atom,
    JsonFeed,
}
