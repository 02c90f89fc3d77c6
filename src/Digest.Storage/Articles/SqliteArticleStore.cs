using Digest.Core.Articles;
using Digest.Core.Collecting;
using Digest.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Digest.Storage.Articles;

public sealed class SqliteArticleStore(SqliteDatabase db) : IArticleStore
{
    private const string Columns =
        "a.id, a.canonical_url, a.guid, a.feed_url, a.source, a.title, a.text, a.published_at, a.first_seen_at, a.story_id, a.date_known, " +
        "a.enclosure_url, a.enclosure_type, a.enclosure_length, a.duration_ms";

    // bm25 with a title match weighing ten times a body match; lower is better.
    private const string Rank = "bm25(articles_fts, 10.0, 1.0)";

    public Task<IReadOnlyList<Article>> AddNewAsync(IReadOnlyList<NewArticle> articles, CancellationToken ct) =>
        AddNewAsync(articles, (article, _) => ValueTask.FromResult(article.Id), ct);

    public async Task<IReadOnlyList<Article>> AddNewAsync(
        IReadOnlyList<NewArticle> articles, Func<Article, CancellationToken, ValueTask<long>> storyOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(storyOf);
        if (articles.Count == 0)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        // With no conflict target, DO NOTHING covers both the URL and the (feed, GUID) uniqueness,
        // and rows inserted earlier in this batch count too.
        await using var insert = connection.Command("""
            INSERT INTO articles (canonical_url, guid, feed_url, source, title, text, published_at, first_seen_at, date_known,
                                  enclosure_url, enclosure_type, enclosure_length, duration_ms)
            VALUES (@url, @guid, @feed, @source, @title, @text, @published, @seen, @known,
                    @enclosure_url, @enclosure_type, @enclosure_length, @duration)
            ON CONFLICT DO NOTHING
            RETURNING id
            """, tx);
        var url = insert.Parameter("@url");
        var guid = insert.Parameter("@guid");
        var feed = insert.Parameter("@feed");
        var source = insert.Parameter("@source");
        var title = insert.Parameter("@title");
        var text = insert.Parameter("@text");
        var published = insert.Parameter("@published");
        var seen = insert.Parameter("@seen");
        var known = insert.Parameter("@known");
        var enclosureUrl = insert.Parameter("@enclosure_url");
        var enclosureType = insert.Parameter("@enclosure_type");
        var enclosureLength = insert.Parameter("@enclosure_length");
        var duration = insert.Parameter("@duration");
        await using var join = connection.Command("UPDATE articles SET story_id = @story WHERE id = @id", tx);
        var story = join.Parameter("@story");
        var joined = join.Parameter("@id");

        var added = new List<Article>();
        foreach (var article in articles)
        {
            var articleGuid = string.IsNullOrWhiteSpace(article.Guid) ? null : article.Guid;
            url.Set(article.CanonicalUrl);
            guid.Set(articleGuid);
            feed.Set(article.FeedUrl);
            source.Set(article.Source);
            title.Set(article.Title);
            text.Set(article.Text);
            // An unknown date is stored as the first-seen time, flagged, so the window index stays one column.
            published.Set((article.PublishedAt ?? article.FirstSeenAt).ToUnixMs());
            known.Set(article.PublishedAt is null ? 0 : 1);
            seen.Set(article.FirstSeenAt.ToUnixMs());
            enclosureUrl.Set(article.Enclosure?.Url);
            enclosureType.Set(article.Enclosure?.MediaType);
            enclosureLength.Set(article.Enclosure?.Length);
            duration.Set(DurationMs(article.Duration));
            if (await insert.ExecuteScalarAsync(ct) is not long id)
            {
                continue;
            }
            // Returned as stored (millisecond instants), so it equals what a later read gives.
            var stored = new Article(id, article.CanonicalUrl, articleGuid, article.FeedUrl, article.Source, article.Title,
                article.Text, article.PublishedAt is { } at ? Values.Stored(at) : null, Values.Stored(article.FirstSeenAt), id)
            {
                Enclosure = article.Enclosure,
                Duration = DurationMs(article.Duration) is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            };
            var storyId = await storyOf(stored, ct);
            if (storyId != id)
            {
                story.Set(storyId);
                joined.Set(id);
                await join.ExecuteNonQueryAsync(ct);
                stored = stored with { StoryId = storyId };
            }
            added.Add(stored);
        }
        // Each new article starts as its own story; one statement for the batch, before anyone else can see it.
        await connection.ExecuteAsync("UPDATE articles SET story_id = id WHERE story_id IS NULL", ct, tx);
        await tx.CommitAsync(ct);
        return added;
    }

    public async Task<IReadOnlyList<Article>> GetSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command($"""
            SELECT {Columns} FROM articles a
            WHERE a.published_at >= @since AND a.date_known = 1
            ORDER BY a.published_at DESC, a.id DESC
            """)
            .With("@since", since.ToUnixMs())
            .ListAsync(Read, ct);
    }

    public async Task<IReadOnlyList<Article>> GetByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command($"""
            SELECT {Columns} FROM articles a
            WHERE a.id IN (SELECT value FROM json_each(@ids))
            ORDER BY a.id
            """)
            .With("@ids", Values.IdList(ids))
            .ListAsync(Read, ct);
    }

    public async Task<Article?> GetByUrlAsync(string canonicalUrl, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command($"SELECT {Columns} FROM articles a WHERE a.canonical_url = @url")
            .With("@url", canonicalUrl)
            .FirstOrDefaultAsync(Read, ct);
    }

    /// <summary>Articles with every word first; when none has them all, articles with any, ranked by bm25.</summary>
    public async Task<IReadOnlyList<Article>> SearchAsync(string query, int limit, CancellationToken ct)
    {
        var terms = FtsQuery.Terms(query);
        if (terms.Count == 0 || limit <= 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        var found = await SearchAsync(connection, FtsQuery.Match(terms, all: true), limit, ct);
        if (found.Count == 0 && terms.Count > 1)
        {
            found = await SearchAsync(connection, FtsQuery.Match(terms, all: false), limit, ct);
        }
        return found;
    }

    public async Task AssignStoryAsync(long articleId, long storyId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("UPDATE articles SET story_id = @story WHERE id = @id")
            .With("@story", storyId)
            .With("@id", articleId)
            .RunAsync(ct);
    }

    public async Task UpdateFromPageAsync(long articleId, string? text, DateTimeOffset? publishedAt, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        // The update trigger re-indexes the row, so search sees the new text at once. A date already known stays.
        await connection.Command("""
            UPDATE articles SET
                text = coalesce(@text, text),
                published_at = CASE WHEN date_known = 0 AND @published IS NOT NULL THEN @published ELSE published_at END,
                date_known = CASE WHEN @published IS NOT NULL THEN 1 ELSE date_known END
            WHERE id = @id
            """)
            .With("@text", text)
            .With("@published", publishedAt?.ToUnixMs())
            .With("@id", articleId)
            .RunAsync(ct);
    }

    // The ranking picks the top rows by rowid and score alone; only those are joined to articles. Sorting every
    // match with its whole row (text included) cost about as much as ranking them. Same keys, same order.
    private static Task<List<Article>> SearchAsync(SqliteConnection connection, string match, int limit, CancellationToken ct) =>
        connection.Command($"""
            SELECT {Columns} FROM (
                SELECT rowid AS id, {Rank} AS score FROM articles_fts
                WHERE articles_fts MATCH @match
                ORDER BY score, rowid DESC
                LIMIT @limit
            ) hit
            JOIN articles a ON a.id = hit.id
            ORDER BY hit.score, hit.id DESC
            """)
            .With("@match", match)
            .With("@limit", limit)
            .ListAsync(Read, ct);

    // Every read path selects {Columns} and maps it here, so an article reads the same whichever query found it.
    private static Article Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetStringOrNull(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.GetString(6),
        r.GetInt64(10) == 1 ? Values.FromUnixMs(r.GetInt64(7)) : null,
        Values.FromUnixMs(r.GetInt64(8)),
        r.GetInt64OrNull(9) ?? r.GetInt64(0))
    {
        Enclosure = r.GetStringOrNull(11) is { } url ? new MediaEnclosure(url, r.GetStringOrNull(12), r.GetInt64OrNull(13)) : null,
        Duration = r.GetInt64OrNull(14) is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
    };

    // Whole milliseconds, as stored, so what AddNewAsync returns equals a later read.
    private static long? DurationMs(TimeSpan? duration) => duration is { } d ? (long)d.TotalMilliseconds : null;
}
