namespace Digest.Core.Articles;

/// <summary>An article as stored: normalized, deduplicated, grouped into a story.</summary>
/// <param name="PublishedAt">Null when neither the feed nor the page gave a date and the item was already in the feed
/// when we first read it: such an article is stored and searchable, but never in an edition's window.</param>
public sealed record Article(
    long Id,
    string CanonicalUrl,
    string? Guid,
    string FeedUrl,
    string Source,
    string Title,
    string Text,
    DateTimeOffset? PublishedAt,
    DateTimeOffset FirstSeenAt,
    long StoryId)
{
    /// <summary>The audio or video file a podcast item carries (what "Watch &amp; Listen" plays), when it has one.</summary>
    public Collecting.MediaEnclosure? Enclosure { get; init; }

    /// <summary>How long the episode runs (itunes:duration), when the feed says.</summary>
    public TimeSpan? Duration { get; init; }
}

/// <summary>An article ready to be stored; the store gives it an id, and its own id as story until grouped.</summary>
public sealed record NewArticle(
    string CanonicalUrl,
    string? Guid,
    string FeedUrl,
    string Source,
    string Title,
    string Text,
    DateTimeOffset? PublishedAt,
    DateTimeOffset FirstSeenAt)
{
    /// <summary>The item's audio or video enclosure, when it has one.</summary>
    public Collecting.MediaEnclosure? Enclosure { get; init; }

    /// <summary>The episode's running time, when the feed says.</summary>
    public TimeSpan? Duration { get; init; }
}
