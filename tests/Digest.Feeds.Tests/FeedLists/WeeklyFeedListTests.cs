using System.Text;
using Digest.Core.Collecting;
using Digest.Feeds.FeedLists;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Feeds.Tests.FeedLists;

public sealed class WeeklyFeedListTests
{
    private static IReadOnlyList<WeeklySource> Parse(string opml) => WeeklyOpml.Parse(new MemoryStream(Encoding.UTF8.GetBytes(opml)));

    private static WeeklyFeedList ListWith(string? path) => new(Options.Create(new FeedOptions { WeeklyOpml = path }));

    [Fact]
    public async Task Built_in_weekly_list_has_arxiv_lab_blogs_and_podcasts_all_over_https()
    {
        var sources = await ListWith(null).LoadAsync(default);

        var arxiv = sources.Where(s => s.Feed.Url.StartsWith("https://rss.arxiv.org/rss/", StringComparison.Ordinal)).ToList();
        Assert.True(arxiv.Count >= 3, $"{arxiv.Count} arXiv feeds");
        Assert.All(arxiv, s => Assert.Equal(WeeklySourceKind.Research, s.Kind));
        Assert.Contains(sources, s => s.Feed.Url == "https://huggingface.co/blog/feed.xml" && s.Kind == WeeklySourceKind.Research);
        Assert.True(sources.Count(s => s.Kind == WeeklySourceKind.Audio) >= 3);
        Assert.Contains(sources, s => s.Feed.Url == "https://changelog.com/practicalai/feed" && s.Kind == WeeklySourceKind.Audio);
        Assert.All(sources, s =>
        {
            Assert.True(Uri.TryCreate(s.Feed.Url, UriKind.Absolute, out var uri), s.Feed.Url);
            Assert.Equal(Uri.UriSchemeHttps, uri.Scheme);
        });
        Assert.Equal(sources.Count, sources.Select(s => s.Feed.Url).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Kind_comes_from_the_outline_or_the_nearest_enclosing_one()
    {
        var sources = Parse("""
            <opml version="2.0"><body>
              <outline text="Papers" category="research">
                <outline type="rss" text="Inherits" xmlUrl="https://a.example/feed"/>
                <outline type="rss" text="Own wins" category="/Weekly/Audio" xmlUrl="https://b.example/feed"/>
              </outline>
              <outline type="rss" text="List" category="tech, /weekly/research" xmlUrl="https://c.example/feed"/>
            </body></opml>
            """);

        Assert.Equal(
            [("https://a.example/feed", WeeklySourceKind.Research), ("https://b.example/feed", WeeklySourceKind.Audio), ("https://c.example/feed", WeeklySourceKind.Research)],
            sources.Select(s => (s.Feed.Url, s.Kind)));
    }

    [Fact]
    public void A_feed_without_a_kind_is_refused_by_url()
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse("""
            <opml version="2.0"><body>
              <outline type="rss" text="Fine" category="audio" xmlUrl="https://a.example/feed"/>
              <outline type="rss" text="No kind" category="tech" xmlUrl="https://nokind.example/feed"/>
            </body></opml>
            """));

        Assert.Contains("https://nokind.example/feed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("https://a.example/feed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_weekly_opml_replaces_the_built_in_list()
    {
        var path = Path.Combine(Path.GetTempPath(), $"digest-weekly-{Guid.NewGuid():N}.opml");
        await File.WriteAllTextAsync(path, """
            <opml version="2.0"><body>
              <outline type="rss" text="Only" category="audio" xmlUrl="https://only.example/podcast.rss"/>
            </body></opml>
            """);
        try
        {
            await using var services = TestServices.Create(new Dictionary<string, string?> { ["Feeds:WeeklyOpml"] = path });
            var list = new WeeklyFeedList(services.GetRequiredService<IOptions<FeedOptions>>());

            var source = Assert.Single(await list.LoadAsync(default));

            Assert.Equal("https://only.example/podcast.rss", source.Feed.Url);
            Assert.Equal("Only", source.Feed.Title);
            Assert.Equal(WeeklySourceKind.Audio, source.Kind);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Configured_file_that_is_missing_or_unusable_fails_naming_the_key()
    {
        var missing = await Assert.ThrowsAsync<FileNotFoundException>(() => ListWith("/nowhere/weekly.opml").LoadAsync(default));
        Assert.Contains("Feeds:WeeklyOpml", missing.Message, StringComparison.Ordinal);

        var path = Path.Combine(Path.GetTempPath(), $"digest-weekly-{Guid.NewGuid():N}.opml");
        await File.WriteAllTextAsync(path, "<html><body>oops</body></html>");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => ListWith(path).LoadAsync(default));

            Assert.Contains("Feeds:WeeklyOpml", error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
