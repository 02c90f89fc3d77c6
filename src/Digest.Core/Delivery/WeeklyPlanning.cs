using Digest.Core.Subscriptions;
using Digest.Core.Weekly;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Delivery;

/// <summary>
/// The planner's weekly part: each weekly subscriber gets one briefing a week (the outbox's slot is the ISO week of
/// their local day), on their weekday at their delivery time. One weekly edition, composed at most once per
/// <see cref="DeliveryOptions.WeeklyFreshFor"/>, serves every zone: an LLM briefing costs far more than a daily's highlights.
/// </summary>
internal sealed class WeeklyPlanning(
    WeeklyEditionService weeklies,
    ISubscriberStore subscribers,
    IOutbox outbox,
    DeliveryOptions options,
    ILogger logger)
{
    // Dailies are recorded on each subscriber's own day; a day's margin before the week's first day covers every zone.
    private static readonly TimeSpan ZoneMargin = TimeSpan.FromDays(1);

    /// <summary>Enqueues the weekly for subscribers who are owed it now; returns how many were enqueued and how many wait.</summary>
    public async Task<(int Planned, int Waiting)> PlanAsync(bool everyone, DateTimeOffset now, SubscriberCuts cuts, CancellationToken ct)
    {
        var owed = await OwedAsync(everyone, now, cuts, ct);
        if (owed.Count == 0)
        {
            return (0, 0);
        }
        var weekly = await weeklies.GetFreshAsync(options.WeeklyFreshFor, ct);
        if (weekly?.Briefing is not { } briefing)
        {
            logger.LogInformation("{owed} weekly subscribers wait for a weekly briefing: the week holds nothing to write about yet", owed.Count);
            return (0, owed.Count);
        }
        var since = new DateTimeOffset(briefing.WeekStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - ZoneMargin;
        var leads = await outbox.GetLeadStoriesAsync(owed.Select(o => o.Subscriber.Id).ToList(), since, ct);
        var planned = 0;
        foreach (var (subscriber, day) in owed)
        {
            var cut = cuts.RenderWeekly(weekly, subscriber, day, leads.GetValueOrDefault(subscriber.Id))!;
            var delivery = new DeliveryRequest(subscriber.Id, DeliveryKind.Weekly, DeliveryTimes.WeeklySlot(day), weekly.Id, now)
            {
                Articles = cut.Articles,
            };
            if (await outbox.EnqueueAsync(delivery, cut.Parts, ct))
            {
                planned++;
            }
        }
        if (planned > 0)
        {
            logger.LogInformation("Weekly edition {edition_id} enqueued for {subscribers} subscribers", weekly.Id, planned);
        }
        return (planned, 0);
    }

    /// <summary>
    /// Active weekly subscribers owed this week's briefing, each with the local day it is for. Planned runs take those
    /// whose weekly time has come within the grace window (and after they subscribed); send --now takes those whose
    /// weekday it is locally.
    /// </summary>
    private async Task<List<(Subscriber Subscriber, DateOnly Day)>> OwedAsync(bool everyone, DateTimeOffset now, SubscriberCuts cuts, CancellationToken ct)
    {
        var candidates = new List<(Subscriber Subscriber, DateOnly Day)>();
        foreach (var subscriber in await subscribers.GetActiveAsync(Frequency.Weekly, ct))
        {
            if (!cuts.CanRender(subscriber.Platform))
            {
                continue;
            }
            if (everyone)
            {
                var today = DeliveryTimes.LocalDate(subscriber, now);
                if (today.DayOfWeek == subscriber.WeeklyDay)
                {
                    candidates.Add((subscriber, today));
                }
            }
            else if (IsDue(subscriber, now, out var day))
            {
                candidates.Add((subscriber, day));
            }
        }
        return await OwedDeliveries.NotDeliveredAsync(outbox, DeliveryKind.Weekly, DeliveryTimes.WeeklySlot, candidates, ct);
    }

    internal bool IsDue(Subscriber subscriber, DateTimeOffset now, out DateOnly day)
    {
        var last = DeliveryTimes.LastWeekly(subscriber, now);
        day = DeliveryTimes.LocalDate(subscriber, last);
        return OwedDeliveries.IsDue(subscriber, last, now, options);
    }
}
