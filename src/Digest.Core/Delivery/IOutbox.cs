using Digest.Core.Editions;

namespace Digest.Core.Delivery;

/// <summary>
/// The truth of delivery. A delivery is one thing owed to one subscriber — their daily edition of a local day, their
/// weekly of a week, or a reply — keyed by (subscriber, kind, slot) so it can exist once; its parts are outbox rows.
/// Every row state change is one conditional update on the current claim, so several senders never send a row twice.
/// </summary>
public interface IOutbox
{
    /// <summary>Records a delivery and its parts in one transaction. False (nothing added) when that delivery exists.</summary>
    Task<bool> EnqueueAsync(DeliveryRequest delivery, IReadOnlyList<MessagePart> parts, CancellationToken ct);

    /// <summary>
    /// Records a delivery whose edition is not composed yet (/digest on a fresh install). False when it exists.
    /// The planner gives it its parts with <see cref="FulfilAsync"/>.
    /// </summary>
    Task<bool> RequestAsync(DeliveryRequest delivery, CancellationToken ct);

    /// <summary>Deliveries recorded with <see cref="RequestAsync"/> that have no parts yet, oldest first.</summary>
    Task<IReadOnlyList<WaitingDelivery>> GetWaitingAsync(CancellationToken ct);

    /// <summary>Gives a waiting delivery its edition, parts and the articles they show, once (false when another planner did it first).</summary>
    Task<bool> FulfilAsync(long deliveryId, long editionId, IReadOnlyList<MessagePart> parts, IReadOnlyList<SentArticle> articles, DateTimeOffset notBefore, CancellationToken ct);

    /// <summary>
    /// What each of <paramref name="subscriberIds"/> was sent of <paramref name="edition"/>'s articles and stories (its
    /// items and reserve), by any earlier delivery still on record; subscribers sent none of it are left out.
    /// </summary>
    Task<IReadOnlyDictionary<long, SentBefore>> GetSentBeforeAsync(IReadOnlyCollection<long> subscriberIds, Edition edition, CancellationToken ct);

    /// <summary>
    /// The stories each of <paramref name="subscriberIds"/> had as the lead of a daily delivery (its must-read #1)
    /// recorded since <paramref name="since"/>, each with when it was last sent: a weekly does not lead with one of them
    /// unless there is news. Subscribers without any are left out.
    /// </summary>
    Task<IReadOnlyDictionary<long, IReadOnlyDictionary<long, DateTimeOffset>>> GetLeadStoriesAsync(
        IReadOnlyCollection<long> subscriberIds, DateTimeOffset since, CancellationToken ct);

    /// <summary>
    /// The articles of the latest delivery to the subscriber that showed any, in reading order: what "#3" or "the
    /// second one" in that chat points at. Empty when nothing was shown yet.
    /// </summary>
    Task<IReadOnlyList<long>> GetLastShownAsync(long subscriberId, CancellationToken ct);

    /// <summary>The subscribers among <paramref name="subscriberIds"/> that already have a delivery of that kind and slot.</summary>
    Task<IReadOnlySet<long>> GetDeliveredAsync(DeliveryKind kind, string slot, IReadOnlyCollection<long> subscriberIds, CancellationToken ct);

    /// <summary>When the subscriber's latest delivery of that kind was recorded (the /digest cooldown), or null.</summary>
    Task<DateTimeOffset?> LastRecordedAtAsync(long subscriberId, DeliveryKind kind, CancellationToken ct);

    /// <summary>Records that sender <paramref name="senderId"/> is alive; its claims are safe from takeover while it beats.</summary>
    Task HeartbeatAsync(string senderId, DateTimeOffset now, CancellationToken ct);

    /// <summary>A sender that stopped cleanly (its claims already released) leaves the register.</summary>
    Task RetireSenderAsync(string senderId, CancellationToken ct);

    /// <summary>
    /// Claims up to <paramref name="max"/> rows for <paramref name="senderId"/>, replies first, then oldest first:
    /// pending rows whose not-before has come, and claimed rows whose lease ran out or whose sender's heartbeat is older
    /// than <paramref name="staleAfter"/> (a crashed sender). Rows of inactive subscribers are given up instead (not replies).
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string senderId, int max, DateTimeOffset now, TimeSpan lease, TimeSpan staleAfter, CancellationToken ct);

    /// <summary>
    /// Confirms, right before sending, that this claim still owns the row and extends its lease. False when the row was
    /// claimed again (by this or another sender) or dropped: then this claim must not send it.
    /// </summary>
    Task<bool> RenewAsync(OutboxMessage claimed, DateTimeOffset now, TimeSpan lease, CancellationToken ct);

    /// <summary>Marks a claimed row sent. Only the current claim counts: a stale claim's calls here and below change nothing.</summary>
    Task MarkSentAsync(OutboxMessage claimed, DateTimeOffset at, CancellationToken ct);

    /// <summary>Back to pending, not before <paramref name="notBefore"/>, spending no attempt (holds, 429s, outages, stops).</summary>
    Task ReleaseAsync(OutboxMessage claimed, DateTimeOffset notBefore, string reason, CancellationToken ct);

    /// <summary>The message's own failure, worth another try: back to pending, one attempt spent.</summary>
    Task RetryAfterFailureAsync(OutboxMessage claimed, DateTimeOffset notBefore, string error, CancellationToken ct);

    /// <summary>Gives up on a row (its own permanent failure, or its attempts are spent); one attempt spent.</summary>
    Task MarkFailedAsync(OutboxMessage claimed, string error, CancellationToken ct);

    /// <summary>Gives up on every unsent row of a subscriber (blocked, kicked).</summary>
    Task DropPendingAsync(long subscriberId, string reason, CancellationToken ct);

    /// <summary>
    /// Failed rows enqueued since <paramref name="since"/> back to pending with their attempts reset (digest send
    /// --retry-failed); returns how many. Rows of inactive subscribers (blocked, gone) stay failed: they would only fail again.
    /// </summary>
    Task<int> RetryFailedAsync(DateTimeOffset now, DateTimeOffset since, CancellationToken ct);

    Task<OutboxCounts> CountAsync(long? editionId, CancellationToken ct);

    /// <summary>What is still owed and why, and what failed and why: for /healthz, logs and send --now's summary.</summary>
    Task<OutboxReport> ReportAsync(DateTimeOffset now, TimeSpan staleAfter, CancellationToken ct);
}

public enum DeliveryKind
{
    Daily,
    Weekly,
    /// <summary>A reply to someone who asked (/digest): sent before editions, never dropped for an inactive chat.</summary>
    Reply,
}

/// <summary>A delivery to record.</summary>
/// <param name="Slot">What makes it once: the subscriber's local date for a daily ("2026-07-01"), a request key for a reply.</param>
/// <param name="EditionId">The edition it carries, if any.</param>
public sealed record DeliveryRequest(long SubscriberId, DeliveryKind Kind, string Slot, long? EditionId, DateTimeOffset NotBefore)
{
    /// <summary>The articles the parts show, recorded with the delivery so later editions do not repeat them.</summary>
    public IReadOnlyList<SentArticle> Articles { get; init; } = [];
}

/// <summary>An article a delivery shows, with the story it told when sent.</summary>
public sealed record SentArticle(long ArticleId, long StoryId)
{
    /// <summary>The article led the delivery: a daily's must-read #1.</summary>
    public bool Lead { get; init; }
}

/// <summary>A delivery recorded before its edition existed.</summary>
public sealed record WaitingDelivery(long Id, long SubscriberId, DeliveryKind Kind, string Slot, DateTimeOffset RequestedAt);

/// <summary>A claimed row, ready to send to <see cref="ChatId"/> on <see cref="Platform"/>.</summary>
/// <param name="Claim">Counts the row's claims; with the id it names this claim, so a stale claim finishes nothing.</param>
/// <param name="Attempts">The message's own failures so far (never outages, holds or rate limits).</param>
public sealed record OutboxMessage(
    long Id,
    long DeliveryId,
    DeliveryKind Kind,
    long? EditionId,
    long SubscriberId,
    int Part,
    string Platform,
    string ChatId,
    Subscriptions.ChatKind ChatKind,
    MessagePart Content,
    int Claim,
    int Attempts);

public sealed record OutboxCounts(int Pending, int Claimed, int Sent, int Failed);

/// <summary>The outbox at a glance.</summary>
/// <param name="OldestOwedSince">When the oldest unsent row was enqueued.</param>
/// <param name="Owed">Unsent rows grouped by why they are not out yet.</param>
/// <param name="Failed">Failed rows grouped by their error.</param>
public sealed record OutboxReport(int OwedTotal, DateTimeOffset? OldestOwedSince, IReadOnlyList<ReasonCount> Owed, int FailedTotal, IReadOnlyList<ReasonCount> Failed);

/// <summary>
/// How many rows share a reason: "claimed by a live sender", "waiting: rate limited", "due now", or an error text.
/// </summary>
public sealed record ReasonCount(string Platform, string Reason, int Count);
