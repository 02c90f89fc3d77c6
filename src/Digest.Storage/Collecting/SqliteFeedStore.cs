using System.Text.Json;
using Digest.Core.Collecting;
using Digest.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Digest.Storage.Collecting;

public sealed class SqliteFeedStore(SqliteDatabase db, TimeProvider time) : IFeedStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<FeedSource>> GetAddedAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command("SELECT url, title, site_url FROM user_feeds WHERE removed = 0 ORDER BY changed_at, url")
            .ListAsync(r => new FeedSource(r.GetString(0), r.GetStringOrNull(1) ?? r.GetString(0), r.GetStringOrNull(2)), ct);
    }

    public async Task<IReadOnlySet<string>> GetRemovedAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var urls = await connection.Command("SELECT url FROM user_feeds WHERE removed = 1")
            .ListAsync(r => r.GetString(0), ct);
        return urls.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Adds a feed, or takes back its removal.</summary>
    public async Task AddAsync(FeedSource feed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(feed);
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            INSERT INTO user_feeds (url, title, site_url, removed, changed_at) VALUES (@url, @title, @site, 0, @at)
            ON CONFLICT (url) DO UPDATE SET title = excluded.title, site_url = excluded.site_url, removed = 0, changed_at = excluded.changed_at
            """)
            .With("@url", feed.Url)
            .With("@title", feed.Title)
            .With("@site", feed.SiteUrl)
            .With("@at", time.GetUtcNow().ToUnixMs())
            .RunAsync(ct);
    }

    /// <summary>Removes a feed, whether the user added it or it is in the baseline list; its title is kept for a later re-add.</summary>
    public async Task RemoveAsync(string url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            INSERT INTO user_feeds (url, removed, changed_at) VALUES (@url, 1, @at)
            ON CONFLICT (url) DO UPDATE SET removed = 1, changed_at = excluded.changed_at
            """)
            .With("@url", url)
            .With("@at", time.GetUtcNow().ToUnixMs())
            .RunAsync(ct);
    }

    public async Task<IReadOnlyDictionary<string, FeedHealth>> GetHealthAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.Command("""
            SELECT url, etag, last_modified, last_success_at, consecutive_failures, last_error, next_attempt_at, last_item_count
            FROM feed_health
            """)
            .ListAsync(ReadHealth, ct);
        return rows.ToDictionary(h => h.Url, StringComparer.Ordinal);
    }

    public async Task SaveHealthAsync(FeedHealth health, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(health);
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            INSERT INTO feed_health (url, etag, last_modified, last_success_at, consecutive_failures, last_error, next_attempt_at, last_item_count)
            VALUES (@url, @etag, @modified, @success, @failures, @error, @next, @items)
            ON CONFLICT (url) DO UPDATE SET
                etag = excluded.etag, last_modified = excluded.last_modified, last_success_at = excluded.last_success_at,
                consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error,
                next_attempt_at = excluded.next_attempt_at, last_item_count = excluded.last_item_count
            """)
            .With("@url", health.Url)
            .With("@etag", health.ETag)
            .With("@modified", health.LastModified)
            .With("@success", health.LastSuccessAt.ToUnixMs())
            .With("@failures", health.ConsecutiveFailures)
            .With("@error", health.LastError)
            .With("@next", health.NextAttemptAt.ToUnixMs())
            .With("@items", health.LastItemCount)
            .RunAsync(ct);
    }

    public async Task SaveReportAsync(CollectReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            INSERT INTO collect_reports (started_at, finished_at, sources_ok, sources_total, items_fetched, new_articles, failures)
            VALUES (@started, @finished, @ok, @total, @fetched, @new, @failures)
            """)
            .With("@started", report.StartedAt.ToUnixMs())
            .With("@finished", report.FinishedAt.ToUnixMs())
            .With("@ok", report.SourcesOk)
            .With("@total", report.SourcesTotal)
            .With("@fetched", report.ItemsFetched)
            .With("@new", report.NewArticles)
            .With("@failures", JsonSerializer.Serialize(report.Failures, Json))
            .RunAsync(ct);
    }

    public async Task<CollectReport?> GetLatestReportAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command("""
            SELECT started_at, finished_at, sources_ok, sources_total, items_fetched, new_articles, failures
            FROM collect_reports ORDER BY finished_at DESC, id DESC LIMIT 1
            """)
            .FirstOrDefaultAsync(r => new CollectReport(
                Values.FromUnixMs(r.GetInt64(0)),
                Values.FromUnixMs(r.GetInt64(1)),
                r.GetInt32(2),
                r.GetInt32(3),
                r.GetInt32(4),
                r.GetInt32(5),
                JsonSerializer.Deserialize<List<FeedFailure>>(r.GetString(6), Json) ?? []), ct);
    }

    private static FeedHealth ReadHealth(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetStringOrNull(1),
        r.GetStringOrNull(2),
        Values.FromUnixMs(r.GetInt64OrNull(3)),
        r.GetInt32(4),
        r.GetStringOrNull(5),
        Values.FromUnixMs(r.GetInt64OrNull(6)),
        r.GetInt32(7));
}
