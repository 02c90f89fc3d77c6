using Digest.Core.Delivery;
using Digest.Storage.Sql;

namespace Digest.Storage.Delivery;

/// <summary>The outbox at a glance: counts by state, and what is owed or failed and why.</summary>
public sealed partial class SqliteOutbox
{
    public const string SendingReason = "sending";
    public const string HeldByStoppedSenderReason = "held by a stopped sender";
    public const string DueNowReason = "due now";
    public const string ScheduledReason = "scheduled";
    public const string FailedReason = "failed";

    // The same tests as claiming, read the other way: a claim that could be taken over is held by a sender that stopped.
    // A pending row not due yet waits for what its release said (rate limited, an outage), else for its time.
    private const string OwedReason = $"""
        CASE
            WHEN o.state = 'claimed' AND o.claimed_until >= @now
                 AND o.claimed_by IN (SELECT id FROM senders WHERE heartbeat_at >= @alive) THEN '{SendingReason}'
            WHEN o.state = 'claimed' THEN '{HeldByStoppedSenderReason}'
            WHEN o.not_before <= @now THEN '{DueNowReason}'
            ELSE COALESCE(o.last_error, '{ScheduledReason}')
        END
        """;

    public async Task<OutboxCounts> CountAsync(long? editionId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var command = editionId is { } id
            ? connection.Command("""
                SELECT o.state, COUNT(*) FROM outbox o JOIN deliveries d ON d.id = o.delivery_id
                WHERE d.edition_id = @edition GROUP BY o.state
                """).With("@edition", id)
            : connection.Command("SELECT state, COUNT(*) FROM outbox GROUP BY state");
        var counts = (await command.ListAsync(r => (State: r.GetString(0), Count: r.GetInt32(1)), ct))
            .ToDictionary(c => c.State, c => c.Count, StringComparer.Ordinal);
        return new OutboxCounts(
            counts.GetValueOrDefault("pending"),
            counts.GetValueOrDefault("claimed"),
            counts.GetValueOrDefault("sent"),
            counts.GetValueOrDefault("failed"));
    }

    public async Task<OutboxReport> ReportAsync(DateTimeOffset now, TimeSpan staleAfter, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var owed = await connection.Command($"""
            SELECT s.platform, {OwedReason} AS reason, COUNT(*), MIN(o.created_at)
            FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id
            WHERE o.state IN ('pending', 'claimed')
            GROUP BY s.platform, reason
            """)
            .With("@now", now.ToUnixMs())
            .With("@alive", (now - staleAfter).ToUnixMs())
            .ListAsync(r => (Count: new ReasonCount(r.GetString(0), r.GetString(1), r.GetInt32(2)), Oldest: r.GetInt64(3)), ct);
        var failed = await connection.Command($"""
            SELECT s.platform, COALESCE(o.last_error, '{FailedReason}') AS reason, COUNT(*)
            FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id
            WHERE o.state = 'failed'
            GROUP BY s.platform, reason
            """)
            .ListAsync(r => new ReasonCount(r.GetString(0), r.GetString(1), r.GetInt32(2)), ct);

        return new OutboxReport(
            owed.Sum(o => o.Count.Count),
            owed.Count == 0 ? null : Values.FromUnixMs(owed.Min(o => o.Oldest)),
            Largest(owed.Select(o => o.Count)),
            failed.Sum(f => f.Count),
            Largest(failed));
    }

    /// <summary>Biggest groups first, so a summary that shows the first few shows what matters.</summary>
    private static List<ReasonCount> Largest(IEnumerable<ReasonCount> counts) =>
        counts.OrderByDescending(c => c.Count)
            .ThenBy(c => c.Platform, StringComparer.Ordinal)
            .ThenBy(c => c.Reason, StringComparer.Ordinal)
            .ToList();
}
