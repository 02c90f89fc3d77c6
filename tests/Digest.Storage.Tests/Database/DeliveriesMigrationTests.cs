using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Storage.Delivery;
using Digest.Storage.Editions;
using Digest.Storage.Sql;
using Digest.Storage.Subscriptions;
using Microsoft.Data.Sqlite;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Database;

/// <summary>Migration 6 rebuilds the outbox and editions: what a version 5 database held must survive it.</summary>
public sealed class DeliveriesMigrationTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_version_5_database_keeps_its_subscribers_editions_and_outbox_rows()
    {
        await using var test = await TestDatabase.CreateAsync(lastVersion: 5);
        await using (var connection = await test.Db.OpenAsync(Ct))
        {
            await SeedVersion5Async(connection);
        }

        await test.Db.MigrateAsync(Ct);

        var subscriber = await new SqliteSubscriberStore(test.Db).GetByIdAsync(1, Ct);
        Assert.Equal(Now.AddDays(-10), subscriber?.SubscribedAt);
        Assert.Equal(Now.AddDays(-10), subscriber?.CreatedAt);
        var editions = new SqliteEditionStore(test.Db);
        Assert.Equal("Old daily", (await editions.GetAsync(10, Ct))?.Highlights);
        Assert.Equal(10, (await editions.GetLatestAsync(EditionKind.Daily, Ct))?.Id);
        Assert.Equal("Old weekly", (await editions.GetAsync(11, Ct))?.Highlights);
        // The one-per-day key is gone: another edition of the same day is a new row.
        Assert.NotEqual(10, (await editions.SaveAsync(Edition(new DateOnly(2025, 6, 1)), Ct)).Id);

        var outbox = new SqliteOutbox(test.Db);
        Assert.Equal(new OutboxCounts(Pending: 1, Claimed: 1, Sent: 2, Failed: 1), await outbox.CountAsync(10, Ct));
        Assert.Equal(new OutboxCounts(Pending: 1, Claimed: 0, Sent: 0, Failed: 0), await outbox.CountAsync(11, Ct));
        // Each old (edition, subscriber) became one delivery. A daily is keyed by the subscriber's local day it went out on
        // (the edition of 1 June was due at 06:00 UTC on 2 June: 2 June in UTC, 1 June in Los Angeles), a weekly by its date.
        Assert.Equal(new HashSet<long> { 1, 2 }, await outbox.GetDeliveredAsync(DeliveryKind.Daily, "2025-06-02", [1, 2, 3], Ct));
        Assert.Equal(new HashSet<long> { 3 }, await outbox.GetDeliveredAsync(DeliveryKind.Daily, "2025-06-01", [1, 2, 3], Ct));
        Assert.Equal(new HashSet<long> { 1 }, await outbox.GetDeliveredAsync(DeliveryKind.Weekly, "2025-05-26", [1, 2], Ct));
        Assert.False(await outbox.EnqueueAsync(Daily(1, 10, "2025-06-02"), Parts(1), Ct));

        // The pending rows come first; the row claimed by the old version waits for its lease, it has no sender to watch.
        var claimed = await outbox.ClaimLiveAsync(10, Now, Lease);
        Assert.Equal([(100L, 0, 3, 10L), (104, 0, 1, 11)], claimed.Select(m => (m.Id, m.Attempts, m.Claim, m.EditionId ?? 0)));
        Assert.Equal("Hello", claimed[0].Content.Text);
        var taken = (await outbox.ClaimLiveAsync(10, Now.AddMinutes(1), Lease)).Single();
        Assert.Equal((101L, 0, 5), (taken.Id, taken.Attempts, taken.Claim));

        await using var check = await test.Db.OpenAsync(Ct);
        Assert.Equal(4, await check.Command("SELECT attempts FROM outbox WHERE id = 103").ScalarInt64Async(Ct));
        Assert.Equal(Now.AddHours(-2).ToUnixMs(), await check.Command("SELECT created_at FROM outbox WHERE id = 102").ScalarInt64Async(Ct));
        Assert.Empty(await check.Command("PRAGMA foreign_key_check").ListAsync(r => r.GetString(0), Ct));
        Assert.Equal("ok", (await check.Command("PRAGMA integrity_check").ListAsync(r => r.GetString(0), Ct)).Single());
    }

    [Fact]
    public async Task An_empty_version_5_database_migrates()
    {
        await using var test = await TestDatabase.CreateAsync(lastVersion: 5);

        await test.Db.MigrateAsync(Ct);

        Assert.Equal(SqliteDatabase.Migrations().Select(m => m.Version), await test.Db.GetAppliedVersionsAsync(Ct));
        Assert.Equal(new OutboxCounts(0, 0, 0, 0), await new SqliteOutbox(test.Db).CountAsync(null, Ct));
    }

    /// <summary>Rows as version 5 wrote them: attempts counted every claim, and one edition per kind and day.</summary>
    private static async Task SeedVersion5Async(SqliteConnection connection)
    {
        var daily = EditionJson.Serialize(Edition(new DateOnly(2025, 6, 1), "Old daily"));
        var weekly = EditionJson.Serialize(Edition(new DateOnly(2025, 5, 26), "Old weekly") with { Kind = EditionKind.Weekly });
        await connection.Command("""
            INSERT INTO subscribers (id, platform, chat_id, kind, title, active, frequency, categories, top_n, delivery_minutes,
                                     time_zone, created_at)
            VALUES (1, 'telegram', '42', 'private', NULL, 1, 3, '[]', 15, 480, 'UTC', @created),
                   (2, 'telegram', '43', 'private', NULL, 1, 1, '[]', 15, 480, 'UTC', @created),
                   (3, 'telegram', '44', 'private', NULL, 1, 1, '[]', 15, 1380, 'America/Los_Angeles', @created);
            INSERT INTO editions (id, kind, date, generated_at, content)
            VALUES (10, 'daily', '2025-06-01', @generated, @daily), (11, 'weekly', '2025-05-26', @generated, @weekly);
            INSERT INTO message_contents (id, hash, format, text) VALUES (1, x'01', 'TelegramHtml', 'Hello'), (2, x'02', 'TelegramHtml', 'Bye');
            INSERT INTO outbox (id, edition_id, subscriber_id, part, content_id, state, attempts, not_before, claimed_until, last_error, sent_at)
            VALUES (100, 10, 1, 0, 1, 'pending', 2, @due, NULL, '429', NULL),
                   (101, 10, 1, 1, 2, 'claimed', 4, @due, @leaseEnds, NULL, NULL),
                   (102, 10, 2, 0, 1, 'sent', 1, @due, NULL, NULL, @due),
                   (103, 10, 2, 1, 2, 'failed', 4, @due, NULL, '400 Bad Request', NULL),
                   (104, 11, 1, 0, 1, 'pending', 0, @due, NULL, NULL, NULL),
                   (105, 10, 3, 0, 1, 'sent', 1, @due, NULL, NULL, @due);
            """)
            .With("@created", Now.AddDays(-10).ToUnixMs())
            .With("@generated", Now.AddDays(-1).ToUnixMs())
            .With("@daily", daily)
            .With("@weekly", weekly)
            .With("@due", Now.AddHours(-2).ToUnixMs())
            .With("@leaseEnds", Now.AddSeconds(30).ToUnixMs())
            .RunAsync(Ct);
    }
}
