using System.Text;
using Digest.Feeds.Parsing;

namespace Digest.Feeds.Tests.Parsing;

public sealed class LenientXmlTests
{
    private static readonly Uri FeedUri = new("https://blog.example/feeds/main.xml");

    private static ParsedFeed Parse(string xml, string? charset = null) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(xml), "application/rss+xml", charset, FeedUri);

    private static string Rss(string items) =>
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>";

    private static string Item(string title, string link = "https://blog.example/p") =>
        $"<item><title>{title}</title><link>{link}</link></item>";

    [Theory]
    [InlineData("Caf&eacute;&nbsp;time &hellip; &mdash; done", "Café time … — done")]
    [InlineData("Ben &amp;amp; Jerry&#8217;s", "Ben & Jerry’s")]
    [InlineData("AT&T buys &unknown; things", "AT&T buys &unknown; things")]
    [InlineData("Bell\u0001 and\u000B tab", "Bell and tab")]
    [InlineData("Broken &#1; reference", "Broken reference")]
    public void Stray_entities_and_characters_are_read_not_rejected(string rawTitle, string expected)
    {
        var parsed = Parse(Rss(Item(rawTitle)));

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(expected, Assert.Single(parsed.Items).Title);
    }

    [Fact]
    public void Junk_before_the_document_and_after_the_root_is_skipped()
    {
        var xml = "Warning: Cannot modify header information in /var/www/feed.php on line 3\n"
            + Rss(Item("Still here"))
            + "\n<!-- generated in 0.3 s --> trailing garbage <b>unclosed";

        var parsed = Parse(xml);

        Assert.Equal("Still here", Assert.Single(parsed.Items).Title);
    }

    [Fact]
    public void Cdata_content_is_kept_as_written()
    {
        var parsed = Parse(Rss("<item><title>T</title><link>https://blog.example/p</link><description><![CDATA[<p>a&nbsp;b &amp; c</p>]]></description></item>"));

        Assert.Equal("a b & c", Assert.Single(parsed.Items).Text);
    }

    [Fact]
    public void Truncated_document_keeps_the_items_completed_before_the_break()
    {
        var xml = Rss(Item("First") + Item("Second"));
        xml = xml[..xml.IndexOf("</channel>", StringComparison.Ordinal)] + "<item><title>Thi";

        var parsed = Parse(xml);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(["First", "Second"], parsed.Items.Select(i => i.Title));
    }

    [Fact]
    public void Truncated_atom_keeps_complete_entries_only()
    {
        var xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>"
            + "<entry><title>Whole</title><link href=\"/whole\"/></entry><entry><title>Half</title><link href=\"/ha";

        var parsed = Parse(xml);

        Assert.Equal("https://blog.example/whole", Assert.Single(parsed.Items).Url);
    }

    [Fact]
    public void Utf16_with_a_bom_wins_over_a_wrong_http_charset()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Rss(Item("Größe")).Replace("utf-8", "utf-16", StringComparison.Ordinal))).ToArray();

        var parsed = FeedParser.Parse(bytes, "text/xml", "iso-8859-1", FeedUri);

        Assert.Equal("Größe", Assert.Single(parsed.Items).Title);
    }

    [Fact]
    public void Utf16_declared_over_utf8_bytes_is_read_as_utf8()
    {
        var parsed = Parse(Rss(Item("Größe")).Replace("encoding=\"utf-8\"", "encoding=\"utf-16\"", StringComparison.Ordinal));

        Assert.Equal("Größe", Assert.Single(parsed.Items).Title);
    }

    [Fact]
    public void Without_any_charset_invalid_utf8_falls_back_to_windows_1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(Rss(Item("“Smart” – quotes")).Replace(" encoding=\"utf-8\"", "", StringComparison.Ordinal));

        var parsed = FeedParser.Parse(bytes, "application/xml", null, FeedUri);

        Assert.Equal("“Smart” – quotes", Assert.Single(parsed.Items).Title);
    }

    [Fact]
    public void Rss_091_with_the_netscape_doctype_is_read()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">"
            + "<rss version=\"0.91\"><channel><title>Old</title><item><title>Vintage</title><link>https://blog.example/v</link><description>d</description></item></channel></rss>";

        Assert.Equal("Vintage", Assert.Single(Parse(xml).Items).Title);
    }

    [Fact]
    public void Rss_without_a_version_is_read_as_rss_2()
    {
        var parsed = Parse("<rss><channel><item><title>No version</title><link>https://blog.example/n</link></item></channel></rss>");

        Assert.Equal("No version", Assert.Single(parsed.Items).Title);
    }

    [Fact]
    public void Dublin_core_date_and_creator_fill_in_for_rss_2()
    {
        var parsed = Parse("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><item><title>T</title><link>https://blog.example/d</link>"
            + "<dc:creator>Dee Creator</dc:creator><dc:date>2024-02-03T04:05:06-08:00</dc:date></item></channel></rss>");

        var item = Assert.Single(parsed.Items);
        Assert.Equal("Dee Creator", item.Author);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 4, 5, 6, TimeSpan.FromHours(-8)), item.PublishedAt);
    }

    [Fact]
    public void Links_are_resolved_against_the_feed_url_and_guid_permalinks_stand_in_for_missing_links()
    {
        var parsed = Parse(Rss(
            Item("Relative", "../posts/1")
            + Item("Protocol relative", "//cdn.example/x")
            + "<item><title>Guid only</title><guid>https://blog.example/by-guid</guid></item>"
            + "<item><title>Nothing</title><description>no link at all</description></item>"
            + Item("Script", "javascript:alert(1)")));

        Assert.Equal(
            ["https://blog.example/posts/1", "https://cdn.example/x", "https://blog.example/by-guid"],
            parsed.Items.Select(i => i.Url));
    }

    [Fact]
    public void Item_without_a_title_is_named_after_its_content()
    {
        var parsed = Parse(Rss("<item><link>https://blog.example/t</link><description>&lt;p&gt;Just a short note&lt;/p&gt;</description></item>"));

        Assert.Equal("Just a short note", Assert.Single(parsed.Items).Title);
    }

    [Fact]
    public void Absent_or_unreadable_dates_are_null()
    {
        var parsed = Parse(Rss(Item("No date") + "<item><title>Bad date</title><link>https://blog.example/b</link><pubDate>sometime soon</pubDate></item>"));

        Assert.All(parsed.Items, i => Assert.Null(i.PublishedAt));
    }

    [Fact]
    public void Well_formed_feed_without_items_is_read_as_empty()
    {
        var parsed = Parse(Rss(""));

        Assert.True(parsed.Succeeded);
        Assert.Empty(parsed.Items);
    }

    [Theory]
    [InlineData("<note><to>you</to></note>", "Not a feed: the root element is <note>")]
    [InlineData("just some text", "Not XML")]
    [InlineData("<html><body>hi</body></html>", "HTML page")]
    [InlineData("   \n\t ", "Empty response body")]
    public void Body_with_nothing_usable_fails_with_a_reason(string body, string expected)
    {
        var parsed = Parse(body);

        Assert.False(parsed.Succeeded);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_none_of_which_has_a_link_are_skipped_and_counted_and_the_feed_is_read()
    {
        var parsed = Parse(Rss("<item><title>A</title></item><item><title>B</title><guid>post-b</guid></item>"));

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Empty(parsed.Items);
        Assert.Equal(2, parsed.Skipped);
    }

    [Fact]
    public void Feed_reader_alone_would_expand_internal_entities_which_is_why_it_only_sees_our_tree()
    {
        const string xml = "<!DOCTYPE rss [<!ENTITY e \"EXPANDED\">]><rss version=\"2.0\"><channel><item><title>&e;</title><link>https://x.example/</link></item></channel></rss>";

        var direct = CodeHollow.FeedReader.FeedReader.ReadFromString(xml);
        var ours = Parse(xml);

        Assert.Equal("EXPANDED", direct.Items.Single().Title);
        Assert.False(ours.Succeeded);
        Assert.Contains("DTD declares entities", ours.Error, StringComparison.Ordinal);
    }
}
