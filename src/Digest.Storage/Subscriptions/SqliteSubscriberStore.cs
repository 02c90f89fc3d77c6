using Digest.Core.Articles;
using Digest.Core.Subscriptions;
using Digest.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Digest.Storage.Subscriptions;

public sealed class SqliteSubscriberStore(SqliteDatabase db) : ISubscriberStore
{
    private const string Columns =
        "id, platform, chat_id, kind, title, active, frequency, categories, top_n, delivery_minutes, time_zone, created_at, subscribed_at, " +
        "boosts, mutes, weekly_day";

    public async Task<Subscriber?> GetAsync(string platform, string chatId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command($"SELECT {Columns} FROM subscribers WHERE platform = @platform AND chat_id = @chat")
            .With("@platform", platform)
            .With("@chat", chatId)
            .FirstOrDefaultAsync(Read, ct);
    }

    public async Task<Subscriber?> GetByIdAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command($"SELECT {Columns} FROM subscribers WHERE id = @id")
            .With("@id", id)
            .FirstOrDefaultAsync(Read, ct);
    }

    /// <summary>Upserts by (platform, chat id); the first save's creation time is kept, the subscription start is the record's.</summary>
    public async Task<Subscriber> SaveAsync(Subscriber subscriber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        await using var connection = await db.OpenAsync(ct);
        var stored = await connection.Command($"""
            INSERT INTO subscribers (platform, chat_id, kind, title, active, frequency, categories, top_n, delivery_minutes, time_zone,
                                     created_at, subscribed_at, boosts, mutes, weekly_day)
            VALUES (@platform, @chat, @kind, @title, @active, @frequency, @categories, @top, @delivery, @zone, @created, @subscribed,
                    @boosts, @mutes, @weekly_day)
            ON CONFLICT (platform, chat_id) DO UPDATE SET
                kind = excluded.kind, title = excluded.title, active = excluded.active, frequency = excluded.frequency,
                categories = excluded.categories, top_n = excluded.top_n, delivery_minutes = excluded.delivery_minutes,
                time_zone = excluded.time_zone, subscribed_at = excluded.subscribed_at, boosts = excluded.boosts, mutes = excluded.mutes,
                weekly_day = excluded.weekly_day
            RETURNING {Columns}
            """)
            .With("@platform", subscriber.Platform)
            .With("@chat", subscriber.ChatId)
            .With("@kind", KindName(subscriber.Kind))
            .With("@title", subscriber.Title)
            .With("@active", subscriber.Active ? 1 : 0)
            .With("@frequency", (int)subscriber.Frequency)
            .With("@categories", CategoriesJson(subscriber.Categories))
            .With("@top", subscriber.Top)
            .With("@delivery", subscriber.DeliveryTime.Hour * 60 + subscriber.DeliveryTime.Minute)
            .With("@zone", subscriber.TimeZone)
            .With("@created", subscriber.CreatedAt.ToUnixMs())
            .With("@subscribed", subscriber.SubscribedAt.ToUnixMs())
            .With("@boosts", KeywordsJson(subscriber.Boosts))
            .With("@mutes", KeywordsJson(subscriber.Mutes))
            .With("@weekly_day", (int)subscriber.WeeklyDay)
            .FirstOrDefaultAsync(Read, ct);
        return stored ?? throw new InvalidOperationException("Saving a subscriber returned no row.");
    }

    public async Task<IReadOnlyList<Subscriber>> GetActiveAsync(Frequency frequency, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        // Frequency is a flag set: asking for Daily matches Daily and Both.
        return await connection.Command($"SELECT {Columns} FROM subscribers WHERE active = 1 AND (frequency & @frequency) <> 0 ORDER BY id")
            .With("@frequency", (int)frequency)
            .ListAsync(Read, ct);
    }

    public async Task SetActiveAsync(long subscriberId, bool active, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("UPDATE subscribers SET active = @active WHERE id = @id")
            .With("@active", active ? 1 : 0)
            .With("@id", subscriberId)
            .RunAsync(ct);
    }

    /// <summary>
    /// Moves a subscriber to a new chat id; its settings and pending deliveries follow (they hang on the subscriber id).
    /// If the new chat id already has a row (the supergroup spoke before the migration notice arrived), that row is a
    /// duplicate of the same chat: it, its deliveries and their rows are deleted, and the migrated subscriber's settings win.
    /// </summary>
    public async Task ChangeChatIdAsync(long subscriberId, string newChatId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(newChatId);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        const string Duplicate = """
            SELECT d.id FROM subscribers d JOIN subscribers s ON s.platform = d.platform
            WHERE s.id = @id AND d.chat_id = @chat AND d.id <> @id
            """;
        // Children first: the foreign keys are checked statement by statement.
        foreach (var table in new[] { "outbox", "deliveries" })
        {
            await connection.Command($"DELETE FROM {table} WHERE subscriber_id IN ({Duplicate})", tx)
                .With("@id", subscriberId)
                .With("@chat", newChatId)
                .RunAsync(ct);
        }
        await connection.Command($"DELETE FROM subscribers WHERE id IN ({Duplicate})", tx)
            .With("@id", subscriberId)
            .With("@chat", newChatId)
            .RunAsync(ct);
        await connection.Command("UPDATE subscribers SET chat_id = @chat WHERE id = @id", tx)
            .With("@id", subscriberId)
            .With("@chat", newChatId)
            .RunAsync(ct);
        await tx.CommitAsync(ct);
    }

    internal static string KindName(ChatKind kind) => kind.ToString().ToLowerInvariant();

    internal static ChatKind ParseKind(string name) =>
        Enum.TryParse<ChatKind>(name, ignoreCase: true, out var kind) ? kind : ChatKind.Private;

    private static string CategoriesJson(IReadOnlySet<Category> categories) =>
        Values.StringList(Categories.All.Where(categories.Contains).Select(c => c.Slug()));

    // Sorted, so the same keywords always store as the same text.
    private static string KeywordsJson(IReadOnlySet<string> keywords) =>
        Values.StringList(keywords.Order(StringComparer.Ordinal));

    private static IReadOnlySet<string> ReadKeywords(string json)
    {
        var keywords = Values.ParseStringList(json);
        return keywords.Count == 0 ? Subscriber.NoKeywords : keywords.ToHashSet(StringComparer.Ordinal);
    }

    // A value out of range (written by hand) falls back to the default rather than naming no day.
    private static DayOfWeek ReadWeekday(int stored) =>
        stored is >= 0 and <= 6 ? (DayOfWeek)stored : Subscriber.DefaultWeeklyDay;

    private static Subscriber Read(SqliteDataReader r)
    {
        var minutes = Math.Clamp(r.GetInt32(9), 0, 24 * 60 - 1);
        var categories = new HashSet<Category>();
        foreach (var slug in Values.ParseStringList(r.GetString(7)))
        {
            // A slug this version does not know is skipped rather than widened to "other".
            if (Categories.TryParse(slug, out var category))
            {
                categories.Add(category);
            }
        }
        return new Subscriber(
            r.GetInt64(0),
            r.GetString(1),
            r.GetString(2),
            ParseKind(r.GetString(3)),
            r.GetStringOrNull(4),
            r.GetInt64(5) != 0,
            (Frequency)r.GetInt32(6),
            categories,
            r.GetInt32(8),
            new TimeOnly(minutes / 60, minutes % 60),
            r.GetString(10),
            Values.FromUnixMs(r.GetInt64(11)),
            Values.FromUnixMs(r.GetInt64(12)))
        {
            Boosts = ReadKeywords(r.GetString(13)),
            Mutes = ReadKeywords(r.GetString(14)),
            WeeklyDay = ReadWeekday(r.GetInt32(15)),
        };
    }
}
