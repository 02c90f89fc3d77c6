using Digest.Core.Editions;
using Digest.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Delivery;

/// <summary>
/// Puts the latest daily edition into the outbox for every subscriber whose local delivery time has come
/// (within the grace window), each with their own cut. Safe to run any number of times: the outbox key makes it once.
/// </summary>
public sealed class DeliveryPlanner(
    IEditionStore editions,
    ISubscriberStore subscribers,
    IOutbox outbox,
    IEnumerable<IEditionRenderer> renderers,
    DeliveryOptions options,
    TimeProvider time,
    ILogger<DeliveryPlanner> logger)
{
    private readonly Dictionary<string, IEditionRenderer> _renderers =
        renderers.ToDictionary(r => r.Platform, StringComparer.OrdinalIgnoreCase);

    /// <summary>Enqueues for subscribers who are due now; returns how many subscribers got the edition enqueued.</summary>
    public Task<int> PlanDueAsync(CancellationToken ct) => PlanAsync(dueOnly: true, ct);

    /// <summary>Enqueues the latest edition for every active subscriber who has not had it (digest send --now).</summary>
    public Task<int> PlanEveryoneAsync(CancellationToken ct) => PlanAsync(dueOnly: false, ct);

    private async Task<int> PlanAsync(bool dueOnly, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var edition = await editions.GetLatestAsync(EditionKind.Daily, ct);
        if (edition is null || (dueOnly && now - edition.GeneratedAt > options.MaxEditionAge))
        {
            return 0;
        }
        var planned = 0;
        // Most subscribers share a few cuts (same categories and top N): render each cut once.
        var rendered = new Dictionary<string, IReadOnlyList<MessagePart>>(StringComparer.Ordinal);
        foreach (var subscriber in await subscribers.GetActiveAsync(Frequency.Daily, ct))
        {
            if (dueOnly && !IsDue(subscriber, edition, now))
            {
                continue;
            }
            if (await EnqueueAsync(edition, subscriber, now, rendered, ct))
            {
                planned++;
            }
        }
        if (planned > 0)
        {
            logger.LogInformation("Edition {EditionId} enqueued for {Count} subscribers", edition.Id, planned);
        }
        return planned;
    }

    private async Task<bool> EnqueueAsync(
        Edition edition, Subscriber subscriber, DateTimeOffset now, Dictionary<string, IReadOnlyList<MessagePart>> rendered, CancellationToken ct)
    {
        if (!_renderers.TryGetValue(subscriber.Platform, out var renderer)
            || await outbox.HasEntriesAsync(edition.Id, subscriber.Id, ct))
        {
            return false;
        }
        var key = $"{subscriber.Platform}|{subscriber.Top}|{string.Join(',', subscriber.Categories.Order())}";
        if (!rendered.TryGetValue(key, out var parts))
        {
            rendered[key] = parts = renderer.Render(edition.CutFor(subscriber.Categories, subscriber.Top));
        }
        var entries = parts.Select((part, i) => new OutboxEntry(edition.Id, subscriber.Id, i, part, now)).ToList();
        return await outbox.EnqueueAsync(entries, ct) > 0;
    }

    /// <summary>
    /// Due when the latest local delivery time at or before now lies within the grace window, and the edition
    /// existed by then: an edition composed after someone's time waits for their next one, so the digest always
    /// arrives at the time they chose and never twice in a day.
    /// </summary>
    internal bool IsDue(Subscriber subscriber, Edition edition, DateTimeOffset now)
    {
        var last = LastDeliveryTime(subscriber, now);
        return now - last <= options.GracePeriod && edition.GeneratedAt <= last;
    }

    internal static DateTimeOffset LastDeliveryTime(Subscriber subscriber, DateTimeOffset now)
    {
        var zone = Zones.FindOrUtc(subscriber.TimeZone);
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var candidate = ToUtc(today.ToDateTime(subscriber.DeliveryTime), zone);
        return candidate <= now ? candidate : ToUtc(today.AddDays(-1).ToDateTime(subscriber.DeliveryTime), zone);
    }

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        // A time skipped by a DST change (02:30 on spring-forward day) is delivered an hour later.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }
}
