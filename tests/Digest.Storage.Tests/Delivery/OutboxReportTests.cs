using Digest.Core.Delivery;
using Digest.Storage.Delivery;
using Digest.Storage.Subscriptions;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Delivery;

public sealed class OutboxReportTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_report_groups_owed_rows_by_why_they_wait_and_failed_rows_by_their_error_per_platform()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, telegram) = await DeliveryTargetsAsync(test.Db, 3);
        var discord = (await new SqliteSubscriberStore(test.Db).SaveAsync(ActiveSubscriber("2000", platform: "discord"), Ct)).Id;
        var outbox = new SqliteOutbox(test.Db);
        var reportAt = Now.AddMinutes(1);

        // Each claim below sees only the rows enqueued just before it.
        await outbox.EnqueueAsync(Daily(telegram[0], edition, notBefore: Now.AddHours(-1)), Parts(2), Ct);
        await outbox.ClaimLiveAsync(10, Now, Lease, "live");
        await outbox.EnqueueAsync(Daily(telegram[1], edition, notBefore: Now.AddMinutes(-30)), Parts(1), Ct);
        await outbox.ClaimLiveAsync(10, Now, Lease, "crashed");
        await outbox.EnqueueAsync(Daily(discord, edition), Parts(1), Ct);
        await outbox.ReleaseAsync((await outbox.ClaimLiveAsync(10, Now, Lease, "live")).Single(), reportAt.AddMinutes(1), "rate limited", Ct);
        await outbox.EnqueueAsync(Daily(discord, edition, "2025-06-03"), Parts(2), Ct);
        foreach (var failed in await outbox.ClaimLiveAsync(10, Now, Lease, "live"))
        {
            await outbox.MarkFailedAsync(failed, "403 Forbidden", Ct);
        }
        await outbox.EnqueueAsync(Daily(telegram[2], edition, "2025-06-03"), Parts(1), Ct);
        await outbox.MarkFailedAsync((await outbox.ClaimLiveAsync(10, Now, Lease, "live")).Single(), "400 Bad Request", Ct);
        await outbox.EnqueueAsync(Daily(telegram[1], edition, "2025-06-03"), Parts(1), Ct);
        await outbox.MarkSentAsync((await outbox.ClaimLiveAsync(10, Now, Lease, "live")).Single(), Now, Ct);
        await outbox.EnqueueAsync(Daily(telegram[0], edition, "2025-06-04", reportAt.AddHours(1)), Parts(1), Ct);
        await outbox.EnqueueAsync(Daily(telegram[2], edition), Parts(2), Ct);
        await outbox.HeartbeatAsync("live", reportAt, Ct);

        var report = await outbox.ReportAsync(reportAt, StaleAfter, Ct);

        Assert.Equal(7, report.OwedTotal);
        Assert.Equal(Now.AddHours(-1), report.OldestOwedSince);
        Assert.Equal(
        [
            new ReasonCount("telegram", SqliteOutbox.DueNowReason, 2),
            new ReasonCount("telegram", SqliteOutbox.SendingReason, 2),
            new ReasonCount("discord", "rate limited", 1),
            new ReasonCount("telegram", SqliteOutbox.HeldByStoppedSenderReason, 1),
            new ReasonCount("telegram", SqliteOutbox.ScheduledReason, 1),
        ], report.Owed);
        Assert.Equal(3, report.FailedTotal);
        Assert.Equal([new ReasonCount("discord", "403 Forbidden", 2), new ReasonCount("telegram", "400 Bad Request", 1)], report.Failed);
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_is_held_even_when_its_sender_still_beats()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition), Parts(1), Ct);
        await outbox.ClaimLiveAsync(1, Now, Lease);
        var later = Now + Lease + TimeSpan.FromSeconds(1);
        await outbox.HeartbeatAsync(Sender, later, Ct);

        var report = await outbox.ReportAsync(later, StaleAfter, Ct);

        Assert.Equal([new ReasonCount("telegram", SqliteOutbox.HeldByStoppedSenderReason, 1)], report.Owed);
    }

    [Fact]
    public async Task An_empty_outbox_reports_nothing_owed_since_never()
    {
        await using var test = await TestDatabase.CreateAsync();

        var report = await new SqliteOutbox(test.Db).ReportAsync(Now, StaleAfter, Ct);

        Assert.Equal(new OutboxReport(0, null, [], 0, []), report with { Owed = [], Failed = [] });
        Assert.Empty(report.Owed);
        Assert.Empty(report.Failed);
    }
}
