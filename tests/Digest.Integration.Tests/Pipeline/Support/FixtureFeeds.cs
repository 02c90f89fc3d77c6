using Digest.Core.Collecting;
using Digest.TestKit.Feeds;

namespace Digest.Integration.Tests.Pipeline.Support;

/// <summary>One item of a fixture feed, dated by its age at the run's "now" and written in its feed's own time zone.</summary>
public sealed record FixtureItem(string Title, string Link, TimeSpan Age, string Html, string? Guid = null);

/// <summary>A feed the tests publish on <see cref="FeedServer"/>: its path, wire format, the name it is shown by, and its items.</summary>
public sealed record FixtureFeed(string Path, FeedFormat Format, string Title, TimeSpan Offset, IReadOnlyList<FixtureItem> Items)
{
    /// <summary>Publishes every feed with dates relative to <paramref name="now"/> and returns the sources to collect.</summary>
    public static IReadOnlyList<FeedSource> PublishAll(FeedServer server, IEnumerable<FixtureFeed> feeds, DateTimeOffset now) =>
        feeds.Select(feed => feed.Publish(server, now)).ToList();

    public FeedSource Publish(FeedServer server, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(server);
        var items = Items.Select(i => new TestFeedItem(
            i.Title,
            i.Link,
            Guid: i.Guid ?? i.Link,
            Html: i.Html,
            Published: (now - i.Age).ToOffset(Offset),
            Author: Title));
        var url = server.Publish(Path, Format, items, Title);
        return new FeedSource(url.AbsoluteUri, Title);
    }
}
