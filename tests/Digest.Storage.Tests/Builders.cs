using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Subscriptions;
using Digest.Storage.Delivery;
using Digest.Storage.Editions;
using Digest.Storage.Subscriptions;

namespace Digest.Storage.Tests;

internal static class Builders
{
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

    public const string Slot = "2025-06-02";

    /// <summary>The sender the tests claim as, unless a test needs two.</summary>
    public const string Sender = "sender-a";

    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(15);

    public static NewArticle Article(string url, string? guid = null, string feed = "https://feed.example/rss",
        string title = "A title", string text = "Some text.", DateTimeOffset? published = null) =>
        new(url, guid, feed, "example.com", title, text, published ?? Now.AddHours(-1), Now);

    public static Edition Edition(DateOnly? date = null, string highlights = "Highlights.") =>
        new(0, EditionKind.Daily, date ?? new DateOnly(2025, 6, 2), Now, "en", AssessedOffline: false, highlights, [], EmptyStats);

    public static readonly EditionStats EmptyStats = new(0, 0, 0, 0, TimeSpan.FromHours(24), 0, [], []);

    public static Subscriber ActiveSubscriber(string chatId, Frequency frequency = Frequency.Daily, string platform = "telegram") =>
        Subscriber.New(platform, chatId, ChatKind.Private, "Chat " + chatId, Now) with { Active = true, Frequency = frequency };

    public static MessagePart Text(string text) => new(MessageFormat.TelegramHtml, text);

    /// <summary><paramref name="count"/> text parts, "Part 0", "Part 1", …</summary>
    public static MessagePart[] Parts(int count) => Enumerable.Range(0, count).Select(p => Text($"Part {p}")).ToArray();

    public static DeliveryRequest Daily(long subscriberId, long? editionId, string slot = Slot, DateTimeOffset? notBefore = null) =>
        new(subscriberId, DeliveryKind.Daily, slot, editionId, notBefore ?? Now);

    public static DeliveryRequest Reply(long subscriberId, string slot, long? editionId = null, DateTimeOffset? notBefore = null) =>
        new(subscriberId, DeliveryKind.Reply, slot, editionId, notBefore ?? Now);

    /// <summary>Claims as a sender that is alive at <paramref name="now"/>: it beats first, as a running sender does.</summary>
    public static async Task<IReadOnlyList<OutboxMessage>> ClaimLiveAsync(this SqliteOutbox outbox, int max, DateTimeOffset now,
        TimeSpan lease, string sender = Sender)
    {
        await outbox.HeartbeatAsync(sender, now, CancellationToken.None);
        return await outbox.ClaimAsync(sender, max, now, lease, StaleAfter, CancellationToken.None);
    }

    /// <summary>An edition and <paramref name="count"/> active subscribers to hang deliveries on (foreign keys).</summary>
    public static async Task<(long EditionId, IReadOnlyList<long> SubscriberIds)> DeliveryTargetsAsync(SqliteDatabase db, int count)
    {
        var edition = await new SqliteEditionStore(db).SaveAsync(Edition(), CancellationToken.None);
        var subscribers = new SqliteSubscriberStore(db);
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await subscribers.SaveAsync(ActiveSubscriber((1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None)).Id);
        }
        return (edition.Id, ids);
    }
}
