using Digest.Core.Articles;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.TestKit.Feeds;

namespace Digest.Integration.Tests.Pipeline;

public sealed class DedupeTests
{
    private const string CleanUrl = "https://dbweekly.example/2026/postgres-19-temporal-tables";
    private const string TrackedUrl = CleanUrl + "?utm_source=rss&utm_medium=feed&fbclid=IwAR0abc123#comments";
    private const string OtherSourceUrl = "https://pgnews.example/news/postgresql-19-temporal";

    private static readonly FixtureFeed[] Feeds =
    [
        // One feed lists the story twice, under a tracking link and a clean one, with different GUIDs:
        // only the canonical URL can tell they are one article.
        new("/dedupe/dbweekly.xml", FeedFormat.Rss20, "dbweekly.example", TimeSpan.Zero,
        [
            new("Postgres 19 adds native temporal tables", TrackedUrl, TimeSpan.FromHours(3),
                "<p>The next PostgreSQL release adds temporal tables to the database: rows keep their history, and queries "
                + "can ask what the data looked like at any point in time. The SQL standard syntax is supported.</p>",
                Guid: "dbweekly-1041"),
            new("Postgres 19 adds native temporal tables", CleanUrl, TimeSpan.FromHours(3),
                "<p>The next PostgreSQL release adds temporal tables to the database: rows keep their history, and queries "
                + "can ask what the data looked like at any point in time. The SQL standard syntax is supported.</p>",
                Guid: "dbweekly-1041-repost"),
            new("Indexing JSON columns without regrets", "https://dbweekly.example/2026/json-indexes", TimeSpan.FromHours(6),
                "<p>Expression indexes, GIN indexes and when each of them pays off for JSON in a relational database.</p>"),
        ]),
        // Another source tells the same story with a near-identical title.
        new("/dedupe/pgnews.atom", FeedFormat.Atom, "pgnews.example", TimeSpan.FromHours(2),
        [
            new("PostgreSQL 19 adds native temporal tables", OtherSourceUrl, TimeSpan.FromHours(2),
                "<p>Temporal tables land in PostgreSQL 19. Every row keeps its history and the database answers queries "
                + "as of any past time, with the syntax of the SQL standard.</p>"),
            new("A year of running Postgres on ZFS", "https://pgnews.example/news/postgres-zfs", TimeSpan.FromHours(8),
                "<p>Compression, snapshots and the latency surprises of a copy-on-write file system under a database.</p>"),
        ]),
    ];

    [Fact]
    public async Task One_story_under_tracking_links_and_from_a_second_source_is_stored_once_per_url_and_shown_once()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var ct = guard.Token;
        await using var run = await PipelineRun.CollectAsync(Feeds, PipelineSettings.Fast(), ct);

        var (edition, markdown) = await run.ComposeAsync(ct);

        // Stored: the two tracking URLs are one article under the clean URL; the second source's is its own article
        // in the same story.
        Assert.Equal(5, run.Report.ItemsFetched);
        Assert.Equal(4, run.Report.NewArticles);
        var stored = await run.App.Get<IArticleStore>().GetSinceAsync(run.Report.StartedAt.AddDays(-1), ct);
        Assert.Equal(4, stored.Count);
        var first = Assert.Single(stored, a => a.CanonicalUrl == CleanUrl);
        Assert.DoesNotContain(stored, a => a.CanonicalUrl.Contains("utm_", StringComparison.Ordinal)
            || a.CanonicalUrl.Contains("fbclid", StringComparison.Ordinal)
            || a.CanonicalUrl.Contains('#', StringComparison.Ordinal));
        var second = Assert.Single(stored, a => a.CanonicalUrl == OtherSourceUrl);
        Assert.Equal(first.StoryId, second.StoryId);
        Assert.Equal(3, stored.Select(a => a.StoryId).Distinct().Count());

        // The edition: one article per story, the others untouched.
        var story = Assert.Single(edition.Items, i => i.Title.Contains("temporal tables", StringComparison.Ordinal));
        Assert.Contains(story.ArticleId, new[] { first.Id, second.Id });
        Assert.Equal(3, edition.Items.Count);
        Assert.Single(markdown.Split('\n'), line => line.StartsWith("### ", StringComparison.Ordinal)
            && line.Contains("temporal tables", StringComparison.Ordinal)
            && !line.StartsWith("### 🥇", StringComparison.Ordinal)
            && !line.StartsWith("### 🥈", StringComparison.Ordinal)
            && !line.StartsWith("### 🥉", StringComparison.Ordinal));
        Assert.DoesNotContain("utm_source", markdown, StringComparison.Ordinal);
    }
}
