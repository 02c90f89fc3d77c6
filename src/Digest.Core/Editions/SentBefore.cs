namespace Digest.Core.Editions;

/// <summary>
/// What one subscriber was already sent (articles, and when each story last reached them), so a later edition shows them
/// only what is new to them: an article or story they had is left out, unless the story has news since.
/// </summary>
public sealed class SentBefore(IReadOnlySet<long> articleIds, IReadOnlyDictionary<long, DateTimeOffset> storiesSentAt)
{
    public static SentBefore Nothing { get; } = new(new HashSet<long>(), new Dictionary<long, DateTimeOffset>());

    public bool IsEmpty => articleIds.Count == 0 && storiesSentAt.Count == 0;

    public ItemNews Classify(EditionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (articleIds.Contains(item.ArticleId))
        {
            return ItemNews.Seen;
        }
        if (item.StoryId == 0 || !storiesSentAt.TryGetValue(item.StoryId, out var sentAt))
        {
            return ItemNews.New;
        }
        // Another outlet's article that was out before we sent the story adds nothing the subscriber missed.
        return item.PublishedAt > sentAt ? ItemNews.Update : ItemNews.Seen;
    }
}

public enum ItemNews
{
    /// <summary>Neither the article nor its story reached the subscriber.</summary>
    New,

    /// <summary>The story reached them, and this article was published after it did.</summary>
    Update,

    /// <summary>They had the article, or its story with nothing newer.</summary>
    Seen,
}
