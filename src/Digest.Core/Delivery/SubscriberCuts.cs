using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Core.Subscriptions;
using Digest.Core.Weekly;

namespace Digest.Core.Delivery;

/// <summary>
/// Renders a subscriber's cut of an edition for their platform, dated with their own local day and without what they
/// were already sent. Most subscribers share a few cuts (same platform, categories, top N, boosts and mutes, day, and
/// nothing or the same things seen), so each distinct cut is rendered once per instance.
/// </summary>
public sealed class SubscriberCuts(IEnumerable<IEditionRenderer> renderers)
{
    private readonly Dictionary<string, IEditionRenderer> _renderers =
        renderers.ToDictionary(r => r.Platform, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, SubscriberCut> _rendered = new(StringComparer.Ordinal);

    public bool CanRender(string platform) => _renderers.ContainsKey(platform);

    /// <summary>The parts to send and the articles they show, or null when no renderer serves the subscriber's platform.</summary>
    public SubscriberCut? Render(Edition edition, Subscriber subscriber, DateOnly day, SentBefore? sent = null)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(subscriber);
        if (!_renderers.TryGetValue(subscriber.Platform, out var renderer))
        {
            return null;
        }
        if (edition.Briefing is not null)
        {
            return RenderWeekly(renderer, edition, subscriber, day, null);
        }
        sent ??= SentBefore.Nothing;
        var taste = new KeywordTaste(subscriber.Boosts, subscriber.Mutes);
        var key = $"{edition.Id}|{subscriber.Platform}|{subscriber.Top}|{string.Join(',', subscriber.Categories.Order())}|{taste.Key}|{day:yyyy-MM-dd}|{Seen(edition, sent)}";
        if (!_rendered.TryGetValue(key, out var cut))
        {
            var edited = edition.CutFor(subscriber.Categories, subscriber.Top, sent, taste) with { Date = day };
            _rendered[key] = cut = new SubscriberCut(
                renderer.Render(edited),
                // In reading order: the chat's "#3" is the third of these (see IOutbox.GetLastShownAsync).
                ReadingOrder.Of(edited).Select(n => new SentArticle(n.Item.ArticleId, n.Item.StoryId) { Lead = n.Item.MustReadRank == 1 }).ToList());
        }
        return cut;
    }

    /// <summary>
    /// A weekly edition for one subscriber: read whole (no categories or top N cut from it), with its big story swapped
    /// when their dailies already led with it (see <see cref="BigStorySwap"/>). <paramref name="leadStories"/>: those
    /// stories, each with when it was last sent; null or empty when none.
    /// </summary>
    public SubscriberCut? RenderWeekly(Edition weekly, Subscriber subscriber, DateOnly day, IReadOnlyDictionary<long, DateTimeOffset>? leadStories)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        ArgumentNullException.ThrowIfNull(subscriber);
        return _renderers.TryGetValue(subscriber.Platform, out var renderer) ? RenderWeekly(renderer, weekly, subscriber, day, leadStories) : null;
    }

    private SubscriberCut RenderWeekly(
        IEditionRenderer renderer, Edition weekly, Subscriber subscriber, DateOnly day, IReadOnlyDictionary<long, DateTimeOffset>? leadStories)
    {
        var edited = BigStorySwap.For(weekly, leadStories ?? new Dictionary<long, DateTimeOffset>()) with { Date = day };
        var briefing = edited.Briefing!;
        // The leads matter only through the big story they leave in place, so that is what tells two readers' cuts apart.
        var key = $"{weekly.Id}|weekly|{subscriber.Platform}|{day:yyyy-MM-dd}|{briefing.BigStory.ArticleId}";
        if (!_rendered.TryGetValue(key, out var cut))
        {
            var stories = edited.Items.GroupBy(i => i.ArticleId).ToDictionary(g => g.Key, g => g.First().StoryId);
            _rendered[key] = cut = new SubscriberCut(
                renderer.Render(edited),
                briefing.Cited().Select(id => new SentArticle(id, stories.GetValueOrDefault(id))).ToList());
        }
        return cut;
    }

    /// <summary>How the subscriber's history reads each candidate: the part of it that can change their cut.</summary>
    private static string Seen(Edition edition, SentBefore sent) => sent.IsEmpty
        ? string.Empty
        : string.Concat(edition.Items.Concat(edition.Reserve).Select(i => (char)('0' + (int)sent.Classify(i))));
}

/// <summary>A rendered cut: the parts to send and the articles they show.</summary>
public sealed record SubscriberCut(IReadOnlyList<MessagePart> Parts, IReadOnlyList<SentArticle> Articles);
