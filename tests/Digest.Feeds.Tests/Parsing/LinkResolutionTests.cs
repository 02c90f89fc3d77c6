using System.Text;
using Digest.Feeds.Parsing;

namespace Digest.Feeds.Tests.Parsing;

public sealed class LinkResolutionTests
{
    private static readonly Uri FeedUri = new("https://feeds.example/blog/feed.xml");

    private static ParsedFeed Parse(string xml) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(xml), "application/xml", null, FeedUri);

    private static string Atom(string entries, string feedAttributes = "") =>
        $"<feed xmlns=\"http://www.w3.org/2005/Atom\"{feedAttributes}><title>A</title><id>tag:feeds.example,2024:feed</id>{entries}</feed>";

    private static string Rss(string items, string channelLink = "", string channelAttributes = "") =>
        $"<rss version=\"2.0\"><channel{channelAttributes}><title>R</title>{channelLink}{items}</channel></rss>";

    [Fact]
    public void Xml_base_at_three_levels_resolves_in_document_order()
    {
        var parsed = Parse(Atom(
            "<entry xml:base=\"2024/\"><title>Deep</title><id>tag:x,2024:1</id><link xml:base=\"posts/\" href=\"deep.html\"/></entry>"
            + "<entry xml:base=\"/other/\"><title>Rooted</title><id>tag:x,2024:2</id><link href=\"rooted.html\"/></entry>"
            + "<entry><title>Feed level</title><id>tag:x,2024:3</id><link href=\"feed-level.html\"/></entry>"
            + "<entry xml:base=\"https://elsewhere.example/a/\"><title>Absolute</title><id>tag:x,2024:4</id><link xml:base=\"../b/\" href=\"c\"/></entry>",
            " xml:base=\"https://site.example/blog/\""));

        Assert.Equal(
            [
                "https://site.example/blog/2024/posts/deep.html",
                "https://site.example/other/rooted.html",
                "https://site.example/blog/feed-level.html",
                "https://elsewhere.example/b/c",
            ],
            parsed.Items.Select(i => i.Url));
    }

    [Fact]
    public void A_relative_outermost_xml_base_resolves_against_the_feed_url()
    {
        var parsed = Parse(Atom("<entry><title>E</title><id>tag:x,2024:1</id><link href=\"e.html\"/></entry>", " xml:base=\"../site/\""));

        Assert.Equal("https://feeds.example/site/e.html", Assert.Single(parsed.Items).Url);
    }

    [Fact]
    public void Atom_prefers_the_html_alternate_over_replies_and_other_links()
    {
        var parsed = Parse(Atom(
            "<entry><title>Blogger</title><id>tag:blogger.com,1999:post-1</id>"
            + "<link rel=\"replies\" type=\"text/html\" href=\"https://b.example/2024/01/post.html#comment-form\"/>"
            + "<link rel=\"edit\" type=\"application/atom+xml\" href=\"https://b.example/feeds/posts/default/1\"/>"
            + "<link rel=\"enclosure\" type=\"audio/mpeg\" href=\"https://b.example/a.mp3\"/>"
            + "<link rel=\"alternate\" type=\"audio/mpeg\" href=\"https://b.example/alt.mp3\"/>"
            + "<link rel=\"alternate\" href=\"https://b.example/untyped\"/>"
            + "<link rel=\"alternate\" type=\"text/html\" href=\"https://b.example/2024/01/post.html\"/></entry>"
            + "<entry><title>No rel</title><id>tag:x,2024:2</id><link href=\"https://b.example/no-rel\"/></entry>"
            + "<entry><title>IANA rel</title><id>tag:x,2024:3</id><link rel=\"http://www.iana.org/assignments/relation/alternate\" href=\"https://b.example/iana\"/></entry>"
            + "<entry><title>Untyped first</title><id>tag:x,2024:4</id><link rel=\"alternate\" type=\"audio/mpeg\" href=\"https://b.example/4.mp3\"/><link href=\"https://b.example/4\"/></entry>"));

        Assert.Equal(
            ["https://b.example/2024/01/post.html", "https://b.example/no-rel", "https://b.example/iana", "https://b.example/4"],
            parsed.Items.Select(i => i.Url));
    }

    [Fact]
    public void An_atom_id_that_is_an_http_url_stands_in_for_a_missing_link_and_others_are_skipped()
    {
        var parsed = Parse(Atom(
            "<entry><title>Id</title><id>https://ids.example/post/1</id></entry>"
            + "<entry><title>Tag</title><id>tag:ids.example,2024:2</id><link rel=\"self\" href=\"https://ids.example/api/2\"/></entry>"
            + "<entry><title>Urn</title><id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id></entry>"));

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal("https://ids.example/post/1", Assert.Single(parsed.Items).Url);
        Assert.Equal(2, parsed.Skipped);
    }

    [Fact]
    public void Rss_relative_links_resolve_against_the_channel_link_without_xml_base()
    {
        var parsed = Parse(Rss(
            "<item><title>Rooted</title><link>/posts/rooted/</link></item><item><title>Relative</title><link>posts/relative/</link></item>",
            "<link>https://www.site.example/blog/</link><atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=\"self\" href=\"https://feeds.example/x\"/>"));

        Assert.Equal(["https://www.site.example/posts/rooted/", "https://www.site.example/blog/posts/relative/"], parsed.Items.Select(i => i.Url));
    }

    [Fact]
    public void Rss_channel_link_that_is_itself_relative_resolves_against_the_feed_url()
    {
        var parsed = Parse(Rss("<item><title>T</title><link>p/1</link></item>", "<link>/site/</link>"));

        Assert.Equal("https://feeds.example/site/p/1", Assert.Single(parsed.Items).Url);
    }

    [Fact]
    public void Rss_xml_base_wins_over_the_channel_link()
    {
        var parsed = Parse(Rss(
            "<item xml:base=\"/items/\"><title>T</title><link>1</link></item><item><title>U</title><link>2</link></item>",
            "<link>https://www.site.example/</link>",
            " xml:base=\"https://cdn.site.example/base/\""));

        Assert.Equal(["https://cdn.site.example/items/1", "https://cdn.site.example/base/2"], parsed.Items.Select(i => i.Url));
    }

    [Fact]
    public void Rss_without_channel_link_or_xml_base_resolves_against_the_feed_url()
    {
        var parsed = Parse(Rss("<item><title>T</title><link>../p/1</link></item>"));

        Assert.Equal("https://feeds.example/p/1", Assert.Single(parsed.Items).Url);
    }

    [Fact]
    public void Permalink_guids_stand_in_for_a_missing_or_unusable_link()
    {
        var parsed = Parse(Rss(
            "<item><title>Absent attribute</title><guid>https://g.example/absent</guid></item>"
            + "<item><title>True</title><guid isPermaLink=\"true\">https://g.example/true</guid></item>"
            + "<item><title>Relative true</title><guid isPermaLink=\"true\">/relative-true</guid></item>"
            + "<item><title>Script link</title><link>javascript:void(0)</link><guid>https://g.example/script</guid></item>"
            + "<item><title>Empty link</title><link>  </link><guid isPermaLink=\"TRUE\">https://g.example/empty</guid></item>"
            + "<item><title>False</title><guid isPermaLink=\"false\">https://g.example/false</guid></item>"
            + "<item><title>Relative absent</title><guid>post-42</guid></item>"
            + "<item><title>Opaque true</title><guid isPermaLink=\"true\">urn:x:1</guid></item>",
            "<link>https://g.example/</link>"));

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(
            ["https://g.example/absent", "https://g.example/true", "https://g.example/relative-true", "https://g.example/script", "https://g.example/empty"],
            parsed.Items.Select(i => i.Url));
        Assert.Equal(3, parsed.Skipped);
    }

    [Fact]
    public void Rss_10_items_fall_back_to_their_rdf_about()
    {
        var parsed = Parse("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
            + "<channel rdf:about=\"https://r.example/\"><title>R</title><link>https://r.example/</link></channel>"
            + "<item rdf:about=\"https://r.example/about-only\"><title>About</title></item>"
            + "<item rdf:about=\"https://r.example/ignored\"><title>Linked</title><link>/linked</link></item></rdf:RDF>");

        Assert.Equal(["https://r.example/about-only", "https://r.example/linked"], parsed.Items.Select(i => i.Url));
    }

    [Fact]
    public void Dates_come_from_every_dialect_published_before_updated()
    {
        var parsed = Parse(Atom(
            "<entry><title>Both</title><id>https://d.example/1</id><updated>2024-02-01T00:00:00Z</updated><published>2024-01-01T00:00:00+01:00</published></entry>"
            + "<entry><title>Updated only</title><id>https://d.example/2</id><updated>2024-02-02T10:00:00-05:00</updated></entry>"
            + "<entry><title>Bad published</title><id>https://d.example/3</id><published>soon</published><updated>2024-02-03T00:00:00Z</updated></entry>"
            + "<entry><title>None</title><id>https://d.example/4</id></entry>"));

        Assert.Equal(
            [
                new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)),
                new DateTimeOffset(2024, 2, 2, 10, 0, 0, TimeSpan.FromHours(-5)),
                new DateTimeOffset(2024, 2, 3, 0, 0, 0, TimeSpan.Zero),
                null,
            ],
            parsed.Items.Select(i => i.PublishedAt));
    }

    [Fact]
    public void Dublin_core_date_and_creator_are_read_in_rss_2_with_media_rss()
    {
        var parsed = Parse("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>M</title>"
            + "<item><title>Ghost-like</title><link>https://m.example/g/</link><dc:creator><![CDATA[Gina Ghost]]></dc:creator>"
            + "<dc:date>2024-03-04T05:06:07Z</dc:date><media:content url=\"https://m.example/i.jpg\" medium=\"image\"/></item>"
            + "<item><title>pubDate wins</title><link>https://m.example/p/</link><pubDate>Mon, 04 Mar 2024 05:06:07 PST</pubDate><dc:date>2020-01-01</dc:date></item>"
            + "</channel></rss>");

        Assert.Equal("Gina Ghost", parsed.Items[0].Author);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.Zero), parsed.Items[0].PublishedAt);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.FromHours(-8)), parsed.Items[1].PublishedAt);
    }
}
