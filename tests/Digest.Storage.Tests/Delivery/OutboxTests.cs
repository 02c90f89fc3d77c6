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
    public async Task Enqueueing_the_same_rows_twice_adds_them_once()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 3);
        var outbox = new SqliteOutbox(test.Db);
        var entries = subscribers.SelectMany(s => new[] { Entry(edition, s, 0), Entry(edition, s, 1) }).ToList();

        Assert.Equal(6, await outbox.EnqueueAsync(entries, Ct));
        Assert.Equal(0, await outbox.EnqueueAsync(entries, Ct));
        Assert.Equal(1, await outbox.EnqueueAsync([.. entries, Entry(edition, subscribers[0], 2)], Ct));
        Assert.Equal(new OutboxCounts(7, 0, 0, 0), await outbox.CountAsync(edition, Ct));
        Assert.True(await outbox.HasEntriesAsync(edition, subscribers[1], Ct));
        Assert.False(await outbox.HasEntriesAsync(edition + 1, subscribers[1], Ct));
    }

    [Fact]
    public async Task Claimed_rows_are_not_claimable_again_until_the_lease_runs_out()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 2);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(subscribers.Select(s => Entry(edition, s, 0)).ToList(), Ct);

        var first = await outbox.ClaimAsync(10, Now, Lease, Ct);
        var during = await outbox.ClaimAsync(10, Now + Lease, Lease, Ct);
        var after = await outbox.ClaimAsync(10, Now + Lease + TimeSpan.FromMilliseconds(1), Lease, Ct);

        Assert.Equal(2, first.Count);
        Assert.All(first, m => Assert.Equal(1, m.Attempts));
        Assert.Empty(during);
        Assert.Equal(first.Select(m => m.Id), after.Select(m => m.Id));
        Assert.All(after, m => Assert.Equal(2, m.Attempts));
    }

    [Fact]
    public async Task Claim_takes_due_rows_oldest_first_up_to_the_maximum()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(
            [.. Enumerable.Range(0, 5).Select(p => Entry(edition, subscribers[0], p)), Entry(edition, subscribers[0], 9, Now.AddHours(1))], Ct);

        var first = await outbox.ClaimAsync(3, Now, Lease, Ct);
        var rest = await outbox.ClaimAsync(10, Now, Lease, Ct);

        Assert.Equal([0, 1, 2], first.Select(m => m.Part));
        Assert.Equal([3, 4], rest.Select(m => m.Part));
        Assert.Equal([9], (await outbox.ClaimAsync(10, Now.AddHours(1), Lease, Ct)).Select(m => m.Part));
    }

    [Fact]
    public async Task A_claimed_message_carries_the_subscriber_address_and_the_content()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        var photo = new MessagePart(MessageFormat.TelegramHtml, "<b>Chart</b>", [1, 2, 3, 0, 255], "chart.png");
        await outbox.EnqueueAsync([new OutboxEntry(edition, subscribers[0], 4, photo, Now)], Ct);

        var message = (await outbox.ClaimAsync(1, Now, Lease, Ct)).Single();

        Assert.Equal((edition, subscribers[0], 4, "telegram", "1000", Core.Subscriptions.ChatKind.Private),
            (message.EditionId, message.SubscriberId, message.Part, message.Platform, message.ChatId, message.ChatKind));
        Assert.Equal(photo with { Photo = null }, message.Content with { Photo = null });
        Assert.Equal(photo.Photo, message.Content.Photo);
    }

    [Fact]
    public async Task Two_concurrent_claimers_never_get_the_same_row()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 50);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(subscribers.SelectMany(s => Enumerable.Range(0, 6).Select(p => Entry(edition, s, p))).ToList(), Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>();
            while ((await outbox.ClaimAsync(7, Now, Lease, Ct)) is { Count: > 0 } batch)
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
        await outbox.EnqueueAsync(subscribers.Select(s => Entry(edition, s, 0)).ToList(), Ct);
        var claimed = await outbox.ClaimAsync(3, Now, Lease, Ct);
        var pendingId = claimed.Max(m => m.Id) + 1;

        await outbox.MarkSentAsync(claimed[0], Now, Ct);
        await outbox.MarkFailedAsync(claimed[1], "403 blocked", Ct);
        await outbox.RetryLaterAsync(claimed[2], Now.AddMinutes(5), "429", Ct);
        // None of these rows is claimed any more (or was never claimed): nothing changes.
        await outbox.MarkFailedAsync(claimed[0], "late failure", Ct);
        await outbox.MarkSentAsync(claimed[1], Now, Ct);
        await outbox.MarkSentAsync(claimed[2], Now, Ct);
        await outbox.MarkSentAsync(claimed[0] with { Id = pendingId, Attempts = 0 }, Now, Ct);

        Assert.Equal(new OutboxCounts(Pending: 2, Claimed: 0, Sent: 1, Failed: 1), await outbox.CountAsync(null, Ct));
        Assert.Equal([pendingId], (await outbox.ClaimAsync(10, Now, Lease, Ct)).Select(m => m.Id));
        var retried = await outbox.ClaimAsync(10, Now.AddMinutes(5), Lease, Ct);
        Assert.Equal([claimed[2].Id], retried.Select(m => m.Id));
        Assert.Equal(2, retried[0].Attempts);
    }

    [Fact]
    public async Task A_sender_whose_lease_ran_out_cannot_finish_a_row_another_sender_claimed_again()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync([Entry(edition, subscribers[0], 0)], Ct);
        var stale = (await outbox.ClaimAsync(1, Now, Lease, Ct)).Single();
        var current = (await outbox.ClaimAsync(1, Now + Lease + TimeSpan.FromSeconds(1), Lease, Ct)).Single();

        await outbox.MarkFailedAsync(stale, "the stale sender gave up", Ct);
        await outbox.RetryLaterAsync(stale, Now, "the stale sender was rate limited", Ct);
        Assert.Equal(new OutboxCounts(Pending: 0, Claimed: 1, Sent: 0, Failed: 0), await outbox.CountAsync(null, Ct));

        await outbox.MarkSentAsync(current, Now, Ct);
        Assert.Equal(new OutboxCounts(Pending: 0, Claimed: 0, Sent: 1, Failed: 0), await outbox.CountAsync(null, Ct));
    }

    [Fact]
    public async Task Dropping_a_subscriber_fails_all_its_unsent_rows_and_leaves_others()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 2);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync([.. Enumerable.Range(0, 3).Select(p => Entry(edition, subscribers[0], p)), Entry(edition, subscribers[1], 0)], Ct);
        var claimed = await outbox.ClaimAsync(2, Now, Lease, Ct);
        await outbox.MarkSentAsync(claimed[0], Now, Ct);

        await outbox.DropPendingAsync(subscribers[0], "blocked by the user", Ct);

        Assert.Equal(new OutboxCounts(Pending: 1, Claimed: 0, Sent: 1, Failed: 2), await outbox.CountAsync(edition, Ct));
        Assert.Equal([subscribers[1]], (await outbox.ClaimAsync(10, Now, Lease, Ct)).Select(m => m.SubscriberId));
    }

    [Fact]
    public async Task Rows_of_inactive_subscribers_are_given_up_instead_of_claimed()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 3);
        var outbox = new SqliteOutbox(test.Db);
        await outbox.EnqueueAsync(subscribers.SelectMany(s => Enumerable.Range(0, 3).Select(p => Entry(edition, s, p))).ToList(), Ct);
        var store = new SqliteSubscriberStore(test.Db);
        await store.SetActiveAsync(subscribers[0], false, Ct);
        await store.SetActiveAsync(subscribers[1], false, Ct);

        // The first batch holds only rows of inactive subscribers; the claim keeps looking.
        var claimed = await outbox.ClaimAsync(3, Now, Lease, Ct);

        Assert.Equal([subscribers[2]], claimed.Select(m => m.SubscriberId).Distinct());
        Assert.Equal(3, claimed.Count);
        Assert.Equal(new OutboxCounts(Pending: 0, Claimed: 3, Sent: 0, Failed: 6), await outbox.CountAsync(edition, Ct));
    }

    private static OutboxEntry Entry(long edition, long subscriber, int part, DateTimeOffset? notBefore = null) =>
        new(edition, subscriber, part, Text($"Part {part}"), notBefore ?? Now);
}
