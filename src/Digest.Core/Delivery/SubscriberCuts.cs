using Digest.Core.Editions;
using Digest.Core.Subscriptions;

namespace Digest.Core.Delivery;

/// <summary>
/// Renders a subscriber's cut of an edition for their platform, dated with their own local day. Most subscribers
/// share a few cuts (same platform, categories, top N and day), so each distinct cut is rendered once per instance.
/// </summary>
public sealed class SubscriberCuts(IEnumerable<IEditionRenderer> renderers)
{
    private readonly Dictionary<string, IEditionRenderer> _renderers =
        renderers.ToDictionary(r => r.Platform, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, IReadOnlyList<MessagePart>> _rendered = new(StringComparer.Ordinal);

    public bool CanRender(string platform) => _renderers.ContainsKey(platform);

    /// <summary>The parts to send, or null when no renderer serves the subscriber's platform.</summary>
    public IReadOnlyList<MessagePart>? Render(Edition edition, Subscriber subscriber, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(subscriber);
        if (!_renderers.TryGetValue(subscriber.Platform, out var renderer))
        {
            return null;
        }
        var key = $"{edition.Id}|{subscriber.Platform}|{subscriber.Top}|{string.Join(',', subscriber.Categories.Order())}|{day:yyyy-MM-dd}";
        if (!_rendered.TryGetValue(key, out var parts))
        {
            _rendered[key] = parts = renderer.Render(edition.CutFor(subscriber.Categories, subscriber.Top) with { Date = day });
        }
        return parts;
    }
}
