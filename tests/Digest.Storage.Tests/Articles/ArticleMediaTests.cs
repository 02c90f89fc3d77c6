using Digest.Core.Collecting;
using Digest.Storage.Articles;
using Microsoft.Data.Sqlite;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Articles;

/// <summary>A podcast episode's file and running time are what "Watch &amp; Listen" shows: they must survive storage.</summary>
public sealed class ArticleMediaTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly MediaEnclosure Episode = new("https://cdn.example/ep42.mp3", "audio/mpeg", 48_123_456);

    [Fact]
    public async Task An_episodes_enclosure_and_duration_read_back_from_every_query()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);
        var length = TimeSpan.FromMinutes(63) + TimeSpan.FromSeconds(7);

        var added = await store.AddNewAsync(
            [Article("https://pod.example/ep42", title: "Episode 42 on inference chips") with { Enclosure = Episode, Duration = length }], Ct);
        test.Reopen();
        store = new SqliteArticleStore(test.Db);

        var reads = new[]
        {
            added.Single(),
            (await store.GetByIdsAsync([added[0].Id], Ct)).Single(),
            (await store.GetSinceAsync(Now.AddDays(-1), Ct)).Single(),
            (await store.GetByUrlAsync("https://pod.example/ep42", Ct))!,
            (await store.SearchAsync("inference chips", 5, Ct)).Single(),
        };
        Assert.All(reads, read =>
        {
            Assert.Equal(Episode, read.Enclosure);
            Assert.Equal(length, read.Duration);
        });
    }

    [Fact]
    public async Task An_enclosure_without_type_or_size_keeps_what_the_feed_gave()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);
        var bare = new MediaEnclosure("https://cdn.example/video.mp4", null, null);

        var added = await store.AddNewAsync([Article("https://pod.example/video") with { Enclosure = bare }], Ct);

        var read = (await store.GetByIdsAsync([added[0].Id], Ct)).Single();
        Assert.Equal(bare, read.Enclosure);
        Assert.Null(read.Duration);
    }

    [Fact]
    public async Task An_article_stored_before_the_media_columns_reads_without_enclosure_or_duration()
    {
        await using var test = await TestDatabase.CreateAsync(lastVersion: 12);
        await using (var connection = await test.Db.OpenAsync(Ct))
        await using (var insert = new SqliteCommand(
            """
            INSERT INTO articles (canonical_url, feed_url, source, title, text, published_at, first_seen_at, story_id, date_known)
            VALUES ('https://old.example/1', 'https://old.example/rss', 'Old', 'Old post', '', @at, @at, NULL, 1)
            """, connection))
        {
            insert.Parameters.AddWithValue("@at", Now.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(Ct);
        }
        await test.Db.MigrateAsync(Ct);

        var read = await new SqliteArticleStore(test.Db).GetByUrlAsync("https://old.example/1", Ct);

        Assert.NotNull(read);
        Assert.Null(read.Enclosure);
        Assert.Null(read.Duration);
    }
}
