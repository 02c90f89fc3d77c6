using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Core.Subscriptions;

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
        sent ??= SentBefore.Nothing;
        var taste = new KeywordTaste(subscriber.Boosts, subscriber.Mutes);
        var key = $"{edition.Id}|{subscriber.Platform}|{subscriber.Top}|{string.Join(',', subscriber.Categories.Order())}|{taste.Key}|{day:yyyy-MM-dd}|{Seen(edition, sent)}";
        if (!_rendered.TryGetValue(key, out var cut))
        {
            var edited = edition.CutFor(subscriber.Categories, subscriber.Top, sent, taste) with { Date = day };
            _rendered[key] = cut = new SubscriberCut(
                renderer.Render(edited),
                // In reading order: the chat's "#3" is the third of these (see IOutbox.GetLastShownAsync).
                ReadingOrder.Of(edited).Select(n => new SentArticle(n.Item.ArticleId, n.Item.StoryId)).ToList());
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
