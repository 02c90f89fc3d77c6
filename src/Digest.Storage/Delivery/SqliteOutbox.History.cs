using System.Text.Json;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Digest.Storage.Delivery;

/// <summary>This part remembers which articles each delivery showed, so later editions leave them out.</summary>
public sealed partial class SqliteOutbox
{
    // The candidate articles of an edition and every article of their stories, then who was sent any of them and when.
    // A story is read from articles as it is now (grouping can merge stories later), and as sent when the article is gone.
    private const string SentSql = """
        WITH wanted_articles(id) AS (SELECT value FROM json_each(@articles)),
             wanted_stories(id) AS (SELECT value FROM json_each(@stories))
        SELECT d.subscriber_id, da.article_id, coalesce(a.story_id, da.story_id), d.created_at
        FROM delivered_articles da
        JOIN deliveries d ON d.id = da.delivery_id
        LEFT JOIN articles a ON a.id = da.article_id
        WHERE (da.article_id IN (SELECT id FROM wanted_articles)
               OR da.story_id IN (SELECT id FROM wanted_stories)
               OR da.article_id IN (SELECT id FROM articles WHERE story_id IN (SELECT id FROM wanted_stories)))
          AND d.subscriber_id IN (SELECT value FROM json_each(@subscribers))
        """;

    public async Task<IReadOnlyDictionary<long, SentBefore>> GetSentBeforeAsync(
        IReadOnlyCollection<long> subscriberIds, Edition edition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscriberIds);
        ArgumentNullException.ThrowIfNull(edition);
        var candidates = edition.Items.Concat(edition.Reserve).ToList();
        if (subscriberIds.Count == 0 || candidates.Count == 0)
        {
            return new Dictionary<long, SentBefore>();
        }
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.Command(SentSql)
            .With("@articles", Values.IdList(candidates.Select(i => i.ArticleId)))
            .With("@stories", Values.IdList(candidates.Select(i => i.StoryId).Where(id => id != 0)))
            .With("@subscribers", Values.IdList(subscriberIds))
            .ListAsync(r => (Subscriber: r.GetInt64(0), Article: r.GetInt64(1), Story: r.GetInt64(2), At: Values.FromUnixMs(r.GetInt64(3))), ct);
        return rows
            .GroupBy(r => r.Subscriber)
            .ToDictionary(
                g => g.Key,
                g => new SentBefore(
                    g.Select(r => r.Article).ToHashSet(),
                    g.GroupBy(r => r.Story).ToDictionary(s => s.Key, s => s.Max(r => r.At))));
    }

    public async Task<IReadOnlyDictionary<long, IReadOnlyDictionary<long, DateTimeOffset>>> GetLeadStoriesAsync(
        IReadOnlyCollection<long> subscriberIds, DateTimeOffset since, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscriberIds);
        if (subscriberIds.Count == 0)
        {
            return new Dictionary<long, IReadOnlyDictionary<long, DateTimeOffset>>();
        }
        await using var connection = await db.OpenAsync(ct);
        // The story as it is now when the article is still stored (grouping can merge stories later), as sent otherwise.
        var rows = await connection.Command("""
            SELECT d.subscriber_id, coalesce(a.story_id, da.story_id) AS story, MAX(d.created_at)
            FROM delivered_articles da
            JOIN deliveries d ON d.id = da.delivery_id
            LEFT JOIN articles a ON a.id = da.article_id
            WHERE da.lead = 1 AND d.kind = 'daily' AND d.created_at >= @since
              AND d.subscriber_id IN (SELECT value FROM json_each(@subscribers))
            GROUP BY d.subscriber_id, story
            HAVING story <> 0
            """)
            .With("@since", since.ToUnixMs())
            .With("@subscribers", Values.IdList(subscriberIds))
            .ListAsync(r => (Subscriber: r.GetInt64(0), Story: r.GetInt64(1), At: Values.FromUnixMs(r.GetInt64(2))), ct);
        return rows
            .GroupBy(r => r.Subscriber)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<long, DateTimeOffset>)g.ToDictionary(r => r.Story, r => r.At));
    }

    public async Task<IReadOnlyList<long>> GetLastShownAsync(long subscriberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command("""
            SELECT da.article_id FROM delivered_articles da
            WHERE da.delivery_id = (
                SELECT d.id FROM deliveries d
                WHERE d.subscriber_id = @subscriber AND EXISTS (SELECT 1 FROM delivered_articles x WHERE x.delivery_id = d.id)
                ORDER BY d.created_at DESC, d.id DESC LIMIT 1)
            ORDER BY da.position, da.article_id
            """)
            .With("@subscriber", subscriberId)
            .ListAsync(r => r.GetInt64(0), ct);
    }

    private static async Task RecordArticlesAsync(
        SqliteConnection connection, SqliteTransaction tx, long deliveryId, IReadOnlyList<SentArticle> articles, CancellationToken ct)
    {
        if (articles.Count == 0)
        {
            return;
        }
        await connection.Command("""
            INSERT OR IGNORE INTO delivered_articles (delivery_id, article_id, story_id, position, lead)
            SELECT @delivery, value ->> '$[0]', value ->> '$[1]', key + 1, value ->> '$[2]' FROM json_each(@articles)
            """, tx)
            .With("@delivery", deliveryId)
            .With("@articles", JsonSerializer.Serialize(articles.Select(a => new[] { a.ArticleId, a.StoryId, a.Lead ? 1 : 0 })))
            .RunAsync(ct);
    }
}
