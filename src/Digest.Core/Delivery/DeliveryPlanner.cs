using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Core.Subscriptions;
using Digest.Core.Weekly;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Delivery;

/// <summary>
/// Puts a fresh daily edition into the outbox for every subscriber whose local delivery time has come (within the grace
/// window) and who has not had that local day's edition, and gives waiting /digest requests their parts. When the
/// latest edition is older than <see cref="DeliveryOptions.FreshFor"/>, one is composed for this slot first.
/// Weekly subscribers get the weekly briefing on their weekday the same way (see <see cref="WeeklyPlanning"/>).
/// Safe to run any number of times, in any number of processes: the outbox's (subscriber, kind, slot) key makes it once.
/// </summary>
public sealed class DeliveryPlanner(
    DailyEditionService editions,
    WeeklyEditionService weeklies,
    ISubscriberStore subscribers,
    IOutbox outbox,
    IEnumerable<IEditionRenderer> renderers,
    DeliverySignals signals,
    DeliveryOptions options,
    TimeProvider time,
    ILogger<DeliveryPlanner> logger)
{
    /// <summary>Enqueues for subscribers who are due now, and for waiting requests.</summary>
    public Task<PlanResult> PlanDueAsync(CancellationToken ct) => PlanAsync(everyone: false, ct);

    /// <summary>
    /// Enqueues today's edition for every active subscriber who has not had their local day's one, and the weekly for
    /// weekly subscribers whose weekday it is and who have not had this week's (digest send --now).
    /// </summary>
    public Task<PlanResult> PlanEveryoneAsync(CancellationToken ct) => PlanAsync(everyone: true, ct);

    private async Task<PlanResult> PlanAsync(bool everyone, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cuts = new SubscriberCuts(renderers);
        var daily = await PlanDailyAsync(everyone, now, cuts, ct);
        var (weekly, weeklyWaiting) = await new WeeklyPlanning(weeklies, subscribers, outbox, options, logger).PlanAsync(everyone, now, cuts, ct);
        if (weekly > 0)
        {
            signals.OutboxChanged();
        }
        return new PlanResult(daily.Planned + weekly, daily.Answered, daily.Waiting + weeklyWaiting);
    }

    private async Task<PlanResult> PlanDailyAsync(bool everyone, DateTimeOffset now, SubscriberCuts cuts, CancellationToken ct)
    {
        var owed = await OwedAsync(everyone, now, cuts, ct);
        var waiting = await outbox.GetWaitingAsync(ct);
        if (owed.Count == 0 && waiting.Count == 0)
        {
            return new PlanResult(0, 0, 0);
        }

        var edition = await editions.GetFreshAsync(options.FreshFor, ct);
        if (edition is null)
        {
            logger.LogInformation(
                "{owed} subscribers and {requests} requests wait for the first edition: no collect has finished yet", owed.Count, waiting.Count);
            return new PlanResult(0, 0, owed.Count + waiting.Count);
        }
        var sent = await outbox.GetSentBeforeAsync(
            owed.Select(o => o.Subscriber.Id).Concat(waiting.Select(w => w.SubscriberId)).Distinct().ToList(), edition, ct);
        var planned = 0;
        foreach (var (subscriber, day) in owed)
        {
            var cut = cuts.Render(edition, subscriber, day, sent.GetValueOrDefault(subscriber.Id))!;
            var delivery = new DeliveryRequest(subscriber.Id, DeliveryKind.Daily, DeliveryTimes.DailySlot(day), edition.Id, now)
            {
                Articles = cut.Articles,
            };
            if (await outbox.EnqueueAsync(delivery, cut.Parts, ct))
            {
                planned++;
            }
        }
        var answered = 0;
        foreach (var request in waiting)
        {
            if (await subscribers.GetByIdAsync(request.SubscriberId, ct) is { } subscriber
                && cuts.Render(edition, subscriber, DeliveryTimes.LocalDate(subscriber, now), sent.GetValueOrDefault(subscriber.Id)) is { } cut
                && await outbox.FulfilAsync(request.Id, edition.Id, cut.Parts, cut.Articles, now, ct))
            {
                answered++;
            }
        }
        if (planned + answered > 0)
        {
            signals.OutboxChanged();
            logger.LogInformation("Edition {edition_id} enqueued for {subscribers} subscribers and {requests} requests", edition.Id, planned, answered);
        }
        return new PlanResult(planned, answered, 0);
    }

    /// <summary>Active daily subscribers owed an edition now, each with the local day it is for.</summary>
    private async Task<List<(Subscriber Subscriber, DateOnly Day)>> OwedAsync(bool everyone, DateTimeOffset now, SubscriberCuts cuts, CancellationToken ct)
    {
        var candidates = new List<(Subscriber Subscriber, DateOnly Day)>();
        foreach (var subscriber in await subscribers.GetActiveAsync(Frequency.Daily, ct))
        {
            if (!cuts.CanRender(subscriber.Platform))
            {
                continue;
            }
            if (everyone)
            {
                candidates.Add((subscriber, DeliveryTimes.LocalDate(subscriber, now)));
            }
            else if (IsDue(subscriber, now, out var day))
            {
                candidates.Add((subscriber, day));
            }
        }
        return await OwedDeliveries.NotDeliveredAsync(outbox, DeliveryKind.Daily, DeliveryTimes.DailySlot, candidates, ct);
    }

    /// <summary>Due at their latest local delivery time (see <see cref="OwedDeliveries.IsDue"/>); <paramref name="day"/> is its local day.</summary>
    internal bool IsDue(Subscriber subscriber, DateTimeOffset now, out DateOnly day)
    {
        var last = DeliveryTimes.Last(subscriber, now);
        day = DeliveryTimes.LocalDate(subscriber, last);
        return OwedDeliveries.IsDue(subscriber, last, now, options);
    }
}

/// <param name="Planned">Subscribers whose scheduled edition was enqueued.</param>
/// <param name="Answered">Waiting requests (/digest) that got their parts.</param>
/// <param name="Waiting">Deliveries owed but not enqueued because there is no edition to send yet.</param>
public sealed record PlanResult(int Planned, int Answered, int Waiting);
