using Digest.Core.Delivery;
using Digest.Storage.Delivery;
using Digest.Storage.Subscriptions;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Delivery;

public sealed class OutboxTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromHours(2);

    [Fact]
    public async Task Enqueueing_the_same_delivery_twice_adds_its_rows_once()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 3);
        var outbox = new SqliteOutbox(test.Db);

        foreach (var subscriber in subscribers)
        {
            Assert.True(await outbox.EnqueueAsync(Daily(subscriber, edition), Parts(2), Ct));
        }
        Assert.False(await outbox.EnqueueAsync(Daily(subscribers[0], edition), Parts(2), Ct));
        // More parts for a delivery that exists add nothing either: a delivery is recorded whole, once.
        Assert.False(await outbox.EnqueueAsync(Daily(subscribers[0], edition), Parts(3), Ct));

        Assert.Equal(new OutboxCounts(6, 0, 0, 0), await outbox.CountAsync(edition, Ct));
        Assert.Equal(subscribers.ToHashSet(), await outbox.GetDeliveredAsync(DeliveryKind.Daily, Slot, subscribers, Ct));
        Assert.Empty(await outbox.GetDeliveredAsync(DeliveryKind.Daily, "2025-06-03", subscribers, Ct));
    }

    [Fact]
    public async Task Claimed_rows_are_not_claimable_again_until_the_lease_runs_out()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 2);
        var outbox = new SqliteOutbox(test.Db);
        foreach (var subscriber in subscribers)
        {
            await outbox.EnqueueAsync(Daily(subscriber, edition), Parts(1), Ct);
        }

        var first = await outbox.ClaimLiveAsync(10, Now, Lease);
        var during = await outbox.ClaimLiveAsync(10, Now + Lease, Lease);
        var after = await outbox.ClaimLiveAsync(10, Now + Lease + TimeSpan.FromMilliseconds(1), Lease);

        Assert.Equal(2, first.Count);
        Assert.All(first, m => Assert.Equal(1, m.Claim));
        Assert.Empty(during);
        Assert.Equal(first.Select(m => m.Id), after.Select(m => m.Id));
        Assert.All(after, m => Assert.Equal(2, m.Claim));
        // A lease that ran out is no failure of the message.
        Assert.All(after, m => Assert.Equal(0, m.Attempts));
    }

    [Fact]
    public async Task Claim_takes_due_rows_oldest_first_up_to_the_maximum()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition), Parts(5), Ct);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition, "2025-06-03", Now.AddHours(1)), Parts(1), Ct);

        var first = await outbox.ClaimLiveAsync(3, Now, Lease);
        var rest = await outbox.ClaimLiveAsync(10, Now, Lease);

        Assert.Equal([0, 1, 2], first.Select(m => m.Part));
        Assert.Equal([3, 4], rest.Select(m => m.Part));
        var later = await outbox.ClaimLiveAsync(10, Now.AddHours(1), Lease);
        Assert.Equal([(0, "Part 0")], later.Select(m => (m.Part, m.Content.Text)));
    }

    [Fact]
    public async Task A_claimed_message_carries_its_delivery_the_subscriber_address_and_the_content()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        var photo = new MessagePart(MessageFormat.TelegramHtml, "<b>Chart</b>", [1, 2, 3, 0, 255], "chart.png");
        await outbox.EnqueueAsync(Daily(subscribers[0], edition), [Text("Intro"), photo], Ct);

        var message = (await outbox.ClaimLiveAsync(2, Now, Lease))[1];

        Assert.Equal((DeliveryKind.Daily, edition, subscribers[0], 1, "telegram", "1000", Core.Subscriptions.ChatKind.Private),
            (message.Kind, message.EditionId, message.SubscriberId, message.Part, message.Platform, message.ChatId, message.ChatKind));
        Assert.NotEqual(0, message.DeliveryId);
        Assert.Equal(photo with { Photo = null }, message.Content with { Photo = null });
        Assert.Equal(photo.Photo, message.Content.Photo);
    }

    [Fact]
    public async Task Two_concurrent_claimers_never_get_the_same_row()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 50);
        var outbox = new SqliteOutbox(test.Db);
        foreach (var subscriber in subscribers)
        {
            await outbox.EnqueueAsync(Daily(subscriber, edition), Parts(6), Ct);
        }

        var claims = await Task.WhenAll(new[] { "sender-a", "sender-b" }.Select(sender => Task.Run(async () =>
        {
            var mine = new List<long>();
            while ((await outbox.ClaimLiveAsync(7, Now, Lease, sender)) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(m => m.Id));
            }
            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(300, all.Count);
        Assert.Equal(300, all.Distinct().Count());
    }

    [Fact]
    public async Task Finishing_a_claim_changes_only_claimed_rows()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 4);
        var outbox = new SqliteOutbox(test.Db);
        foreach (var subscriber in subscribers)
        {
            await outbox.EnqueueAsync(Daily(subscriber, edition), Parts(1), Ct);
        }
        var claimed = await outbox.ClaimLiveAsync(3, Now, Lease);
        var pendingId = claimed.Max(m => m.Id) + 1;

        await outbox.MarkSentAsync(claimed[0], Now, Ct);
        await outbox.MarkFailedAsync(claimed[1], "403 blocked", Ct);
        await outbox.RetryAfterFailureAsync(claimed[2], Now.AddMinutes(5), "400 bad request", Ct);
        // None of these rows is claimed any more (or was never claimed): nothing changes.
        await outbox.MarkFailedAsync(claimed[0], "late failure", Ct);
        await outbox.ReleaseAsync(claimed[0], Now, "late release", Ct);
        await outbox.MarkSentAsync(claimed[1], Now, Ct);
        await outbox.MarkSentAsync(claimed[2], Now, Ct);
        await outbox.MarkSentAsync(claimed[0] with { Id = pendingId, Claim = 0 }, Now, Ct);
        Assert.False(await outbox.RenewAsync(claimed[0], Now, Lease, Ct));

        Assert.Equal(new OutboxCounts(Pending: 2, Claimed: 0, Sent: 1, Failed: 1), await outbox.CountAsync(null, Ct));
        Assert.Equal([pendingId], (await outbox.ClaimLiveAsync(10, Now, Lease)).Select(m => m.Id));
        var retried = await outbox.ClaimLiveAsync(10, Now.AddMinutes(5), Lease);
        Assert.Equal([claimed[2].Id], retried.Select(m => m.Id));
        Assert.Equal((2, 1), (retried[0].Claim, retried[0].Attempts));
    }

    [Fact]
    public async Task A_sender_whose_lease_ran_out_cannot_finish_a_row_another_sender_claimed_again()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition), Parts(1), Ct);
        var stale = (await outbox.ClaimLiveAsync(1, Now, Lease)).Single();
        var later = Now + Lease + TimeSpan.FromSeconds(1);
        // The first sender still beats: only its lease ran out.
        await outbox.HeartbeatAsync(Sender, later, Ct);
        var current = (await outbox.ClaimLiveAsync(1, later, Lease, "sender-b")).Single();

        Assert.False(await outbox.RenewAsync(stale, later, Lease, Ct));
        await outbox.MarkFailedAsync(stale, "the stale sender gave up", Ct);
        await outbox.ReleaseAsync(stale, Now, "the stale sender was rate limited", Ct);
        Assert.Equal(new OutboxCounts(Pending: 0, Claimed: 1, Sent: 0, Failed: 0), await outbox.CountAsync(null, Ct));

        Assert.True(await outbox.RenewAsync(current, later, Lease, Ct));
        await outbox.MarkSentAsync(current, later, Ct);
        Assert.Equal(new OutboxCounts(Pending: 0, Claimed: 0, Sent: 1, Failed: 0), await outbox.CountAsync(null, Ct));
    }

    [Fact]
    public async Task Dropping_a_subscriber_fails_all_its_unsent_rows_and_leaves_others()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 2);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(Daily(subscribers[0], edition), Parts(3), Ct);
        await outbox.EnqueueAsync(Daily(subscribers[1], edition), Parts(1), Ct);
        var claimed = await outbox.ClaimLiveAsync(2, Now, Lease);
        await outbox.MarkSentAsync(claimed[0], Now, Ct);

        await outbox.DropPendingAsync(subscribers[0], "blocked by the user", Ct);

        Assert.Equal(new OutboxCounts(Pending: 1, Claimed: 0, Sent: 1, Failed: 2), await outbox.CountAsync(edition, Ct));
        Assert.Equal([subscribers[1]], (await outbox.ClaimLiveAsync(10, Now, Lease)).Select(m => m.SubscriberId));
    }

    [Fact]
    public async Task Rows_of_inactive_subscribers_are_given_up_instead_of_claimed()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 3);
        var outbox = new SqliteOutbox(test.Db);
        foreach (var subscriber in subscribers)
        {
            await outbox.EnqueueAsync(Daily(subscriber, edition), Parts(3), Ct);
        }
        var store = new SqliteSubscriberStore(test.Db);
        await store.SetActiveAsync(subscribers[0], false, Ct);
        await store.SetActiveAsync(subscribers[1], false, Ct);

        // The first batch holds only rows of inactive subscribers; the claim keeps looking.
        var claimed = await outbox.ClaimLiveAsync(3, Now, Lease);

        Assert.Equal([subscribers[2]], claimed.Select(m => m.SubscriberId).Distinct());
        Assert.Equal(3, claimed.Count);
        Assert.Equal(new OutboxCounts(Pending: 0, Claimed: 3, Sent: 0, Failed: 6), await outbox.CountAsync(edition, Ct));
        var report = await outbox.ReportAsync(Now, StaleAfter, Ct);
        Assert.Equal([new ReasonCount("telegram", SqliteOutbox.InactiveSubscriberError, 6)], report.Failed);
    }
}
