namespace Digest.TestKit.Feeds;

/// <summary>One item of a generated feed; <see cref="Link"/> may be relative, <see cref="Html"/> is written as the item's HTML content.</summary>
public sealed record TestFeedItem(
    string Title,
    string Link,
    string? Guid = null,
    string? Html = null,
    DateTimeOffset? Published = null,
    string? Author = null);
