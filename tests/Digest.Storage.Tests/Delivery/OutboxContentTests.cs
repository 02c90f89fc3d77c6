using Digest.Core.Delivery;
using Digest.Storage.Delivery;
using Digest.Storage.Sql;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Delivery;

public sealed class OutboxContentTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Rows_sharing_a_content_store_it_once_even_from_separate_instances_and_calls()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 20);
        var outbox = new SqliteOutbox(test.Db);
        byte[] chart = [137, 80, 78, 71, 1, 2, 3];

        // Equal contents built separately (not one shared instance), over separate calls.
        foreach (var subscriber in subscribers)
        {
            await outbox.EnqueueAsync(Daily(subscriber, edition), ChartAndText(chart), Ct);
        }

        Assert.Equal(40, (await outbox.CountAsync(edition, Ct)).Pending);
        Assert.Equal(2, await CountAsync(test.Db, "message_contents"));
    }

    [Fact]
    public async Task Contents_that_differ_in_any_field_are_stored_apart()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (edition, subscribers) = await DeliveryTargetsAsync(test.Db, 1);
        var outbox = new SqliteOutbox(test.Db);
        MessagePart[] variants =
        [
            new(MessageFormat.TelegramHtml, "Hello"),
            new(MessageFormat.DiscordMarkdown, "Hello"),
            new(MessageFormat.TelegramHtml, "Hello!"),
            new(MessageFormat.TelegramHtml, "Hello", [1]),
            new(MessageFormat.TelegramHtml, "Hello", [1], "a.png"),
            new(MessageFormat.TelegramHtml, "Hello", [], null),
            new(MessageFormat.DiscordMarkdown, "Hello") { ThreadName = "Questions about today's digest" },
        ];

        await outbox.EnqueueAsync(Daily(subscribers[0], edition), variants, Ct);

        Assert.Equal(variants.Length, await CountAsync(test.Db, "message_contents"));
        var claimed = await outbox.ClaimLiveAsync(10, Now, TimeSpan.FromMinutes(1));
        Assert.Equal(variants.Select(v => (v.Format, v.Text, v.PhotoName, v.Photo?.Length, v.ThreadName)),
            claimed.Select(m => (m.Content.Format, m.Content.Text, m.Content.PhotoName, m.Content.Photo?.Length, m.Content.ThreadName)));
    }

    private static MessagePart[] ChartAndText(byte[] chart) =>
    [
        new(MessageFormat.TelegramHtml, "Chart", chart.ToArray(), "chart.png"),
        Text("The same text for everyone."),
    ];

    internal static async Task<long> CountAsync(SqliteDatabase db, string table)
    {
        await using var connection = await db.OpenAsync(Ct);
        return await connection.Command($"SELECT COUNT(*) FROM {table}").ScalarInt64Async(Ct);
    }
}
