using System.Text;
using Digest.Core.Collecting;
using Digest.Feeds.FeedLists;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Feeds.Tests.FeedLists;

public sealed class OpmlTests
{
    private static IReadOnlyList<FeedSource> Parse(string opml) => Opml.Parse(new MemoryStream(Encoding.UTF8.GetBytes(opml)));

    [Fact]
    public void Nested_outlines_are_all_found_once_each()
    {
        var feeds = Parse("""
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>Mine</title></head><body>
              <outline text="Tech">
                <outline type="rss" text="Text name" xmlUrl="https://a.example/feed" htmlUrl="https://a.example"/>
                <outline text="Deeper">
                  <outline type="RSS" title="Title wins" text="ignored" XMLURL="https://b.example/atom.xml"/>
                </outline>
              </outline>
              <outline xmlUrl="https://c.example/rss"/>
              <outline type="rss" text="Duplicate" xmlUrl="https://a.example/feed"/>
              <outline type="link" text="A link, not a feed" url="https://d.example"/>
              <outline type="rss" text="Not http" xmlUrl="file:///etc/passwd"/>
            </body></opml>
            """);

        Assert.Equal(
            [
                new FeedSource("https://a.example/feed", "Text name", "https://a.example"),
                new FeedSource("https://b.example/atom.xml", "Title wins"),
                new FeedSource("https://c.example/rss", "c.example"),
            ],
            feeds);
    }

    [Fact]
    public void Written_opml_parses_back_to_the_same_feeds()
    {
        FeedSource[] feeds =
        [
            new("https://a.example/feed?x=1&y=2", "Ampersands & <angles>", "https://a.example"),
            new("https://b.example/rss", "Ünïcödé “title”"),
        ];

        var written = Opml.Write(feeds, "Export");

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", written, StringComparison.Ordinal);
        Assert.Contains("<title>Export</title>", written, StringComparison.Ordinal);
        Assert.Equal(feeds, Parse(written));
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"/>", "root element is <rss>")]
    [InlineData("<opml><body><outline", "Not valid OPML")]
    [InlineData("<!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml><body><outline text=\"&x;\" xmlUrl=\"https://a.example/\"/></body></opml>", "Not valid OPML")]
    public void Invalid_opml_is_rejected_with_a_reason(string opml, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse(opml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Built_in_list_has_the_92_feeds()
    {
        await using var services = TestServices.Create();

        var feeds = await services.GetRequiredService<IFeedListSource>().LoadAsync(default);

        Assert.Equal(92, feeds.Count);
        Assert.Contains(feeds, f => f.Url == "https://simonwillison.net/atom/everything/" && f.Title == "simonwillison.net");
        Assert.All(feeds, f => Assert.StartsWith("http", f.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Configured_opml_file_replaces_the_built_in_list()
    {
        var path = Path.Combine(Path.GetTempPath(), $"digest-feeds-{Guid.NewGuid():N}.opml");
        await File.WriteAllTextAsync(path, Opml.Write([new FeedSource("https://only.example/feed", "Only")], "Mine"));
        try
        {
            await using var services = TestServices.Create(new Dictionary<string, string?> { ["Feeds:Opml"] = path });

            var feeds = await services.GetRequiredService<IFeedListSource>().LoadAsync(default);

            Assert.Equal("https://only.example/feed", Assert.Single(feeds).Url);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Configured_file_that_is_not_opml_fails_naming_the_key_and_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"digest-feeds-{Guid.NewGuid():N}.opml");
        await File.WriteAllTextAsync(path, "<html><body>oops</body></html>");
        try
        {
            var list = new OpmlFeedList(Microsoft.Extensions.Options.Options.Create(new FeedOptions { Opml = path }));

            var error = await Assert.ThrowsAsync<InvalidDataException>(() => list.LoadAsync(default));

            Assert.Contains("Feeds:Opml", error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Configured_file_that_is_missing_fails_naming_the_key()
    {
        var list = new OpmlFeedList(Microsoft.Extensions.Options.Options.Create(new FeedOptions { Opml = "/nowhere/feeds.opml" }));

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => list.LoadAsync(default));

        Assert.Contains("Feeds:Opml", error.Message, StringComparison.Ordinal);
    }
}
