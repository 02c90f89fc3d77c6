namespace Digest.Core.Delivery;

/// <summary>
/// The truth of delivery: one row per (edition, subscriber, part), which can exist once.
/// Every state change is one conditional update, so several senders never send a row twice.
/// </summary>
public interface IOutbox
{
    /// <summary>Adds rows; rows whose key already exists are left as they are. Returns how many were new.</summary>
    Task<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken ct);

    Task<bool> HasEntriesAsync(long editionId, long subscriberId, CancellationToken ct);

    /// <summary>
    /// Claims up to <paramref name="max"/> due rows (pending with not-before ≤ now, or claimed by a sender whose lease ran out),
    /// oldest first, and returns them with the subscriber's current chat id.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken ct);

    /// <summary>
    /// Confirms, right before sending, that this claim still owns the row and extends its lease. False when the lease
    /// ran out and the row was claimed again (by this or another sender): then this claim must not send it.
    /// </summary>
    Task<bool> RenewAsync(OutboxMessage claimed, DateTimeOffset now, TimeSpan lease, CancellationToken ct);

    /// <summary>
    /// Marks a claimed row sent. Only the claim that is current counts: once a lease ran out and another sender
    /// claimed the row again, the first claim's calls here and below change nothing.
    /// </summary>
    Task MarkSentAsync(OutboxMessage claimed, DateTimeOffset at, CancellationToken ct);

    /// <summary>Back to pending, not before <paramref name="notBefore"/> (rate limit, transient failure).</summary>
    Task RetryLaterAsync(OutboxMessage claimed, DateTimeOffset notBefore, string error, CancellationToken ct);

    /// <summary>Gives up on a row for good (permanent failure).</summary>
    Task MarkFailedAsync(OutboxMessage claimed, string error, CancellationToken ct);

    /// <summary>Gives up on every unsent row of a subscriber (blocked, kicked).</summary>
    Task DropPendingAsync(long subscriberId, string reason, CancellationToken ct);

    Task<OutboxCounts> CountAsync(long? editionId, CancellationToken ct);
}

/// <summary>A row to enqueue.</summary>
public sealed record OutboxEntry(long EditionId, long SubscriberId, int Part, MessagePart Content, DateTimeOffset NotBefore);

/// <summary>A claimed row, ready to send to <see cref="ChatId"/> on <see cref="Platform"/>.</summary>
/// <param name="Attempts">Claims so far, this one included; it also identifies this claim.</param>
public sealed record OutboxMessage(
    long Id,
    long EditionId,
    long SubscriberId,
    int Part,
    string Platform,
    string ChatId,
    Subscriptions.ChatKind ChatKind,
    MessagePart Content,
    int Attempts);

public sealed record OutboxCounts(int Pending, int Claimed, int Sent, int Failed);
