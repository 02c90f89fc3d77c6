using Digest.Core.Subscriptions;

namespace Digest.Core.Delivery;

/// <summary>What the daily and the weekly planning share: when a scheduled delivery is due, and which are not out yet.</summary>
internal static class OwedDeliveries
{
    /// <summary>
    /// Due when the latest local delivery time lies within the grace window and after they subscribed: someone who
    /// subscribes after today's time is not sent at an hour nobody chose, and gets the next one at their time.
    /// </summary>
    public static bool IsDue(Subscriber subscriber, DateTimeOffset last, DateTimeOffset now, DeliveryOptions options) =>
        now - last <= options.GracePeriod && last >= subscriber.SubscribedAt;

    /// <summary>The candidates that have no delivery of <paramref name="kind"/> in their slot yet, one query per slot.</summary>
    public static async Task<List<(Subscriber Subscriber, DateOnly Day)>> NotDeliveredAsync(
        IOutbox outbox, DeliveryKind kind, Func<DateOnly, string> slotOf, List<(Subscriber Subscriber, DateOnly Day)> candidates, CancellationToken ct)
    {
        var owed = new List<(Subscriber Subscriber, DateOnly Day)>(candidates.Count);
        foreach (var slot in candidates.GroupBy(c => slotOf(c.Day)))
        {
            var delivered = await outbox.GetDeliveredAsync(kind, slot.Key, slot.Select(c => c.Subscriber.Id).ToList(), ct);
            owed.AddRange(slot.Where(c => !delivered.Contains(c.Subscriber.Id)));
        }
        return owed;
    }
}
