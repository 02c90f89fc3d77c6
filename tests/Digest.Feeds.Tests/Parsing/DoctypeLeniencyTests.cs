using System.Text;
using Digest.Feeds.Parsing;

namespace Digest.Feeds.Tests.Parsing;

/// <summary>A document is a feed or not by its root element; markup quoted inside items never decides anything.</summary>
public sealed class DoctypeLeniencyTests
{
    private static readonly Uri FeedUri = new("https://lenient.example/feed.xml");

    private const string Atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>"
        + "<entry><title>Entry</title><id>tag:lenient.example,2024:1</id><link href=\"https://lenient.example/e\"/></entry></feed>";

    private static ParsedFeed Parse(string xml) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(xml), "application/xml", null, FeedUri);

    private static string RssWithDescription(string cdata, string prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>") =>
        prolog + "<rss version=\"2.0\"><channel><title>T</title>"
        + $"<item><title>Quoted markup</title><link>https://lenient.example/q</link><description><![CDATA[{cdata}]]></description></item>"
        + "<item><title>After</title><link>https://lenient.example/after</link></item></channel></rss>";

    [Theory]
    [InlineData("<!DOCTYPE html>\n")]
    [InlineData("<!doctype html>\n")]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<!-- served by a template -->\n")]
    [InlineData("<!DOCTYPE feed PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">")]
    public void A_doctype_before_an_atom_root_does_not_make_it_a_page(string prolog)
    {
        var parsed = Parse(prolog + Atom);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal("https://lenient.example/e", Assert.Single(parsed.Items).Url);
    }

    [Fact]
    public void A_doctype_html_before_an_rss_root_is_read()
    {
        var parsed = Parse("<!DOCTYPE html>" + RssWithDescription("<p>hi</p>", prolog: string.Empty));

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(2, parsed.Items.Count);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>Embed</title></head><body><p>An embedded post</p></body></html>")]
    [InlineData("<pre><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><foo>&xxe;</foo></pre>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE note [<!ENTITY writer \"Donald\">]><note>&writer;</note>")]
    [InlineData("<html><body>Just <b>HTML</b></body></html>")]
    public void Markup_quoted_in_cdata_never_refuses_the_feed(string cdata)
    {
        var parsed = Parse(RssWithDescription(cdata));

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(["Quoted markup", "After"], parsed.Items.Select(i => i.Title));
    }

    [Theory]
    [InlineData("<pre><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]></pre>")]
    [InlineData("<?xml version=\"1.0\"?><note/>")]
    public void Markup_quoted_in_cdata_of_a_feed_without_a_declaration_is_read(string cdata)
    {
        var parsed = Parse(RssWithDescription(cdata, prolog: string.Empty));

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(["Quoted markup", "After"], parsed.Items.Select(i => i.Title));
    }

    [Fact]
    public void Escaped_markup_in_item_text_never_refuses_the_feed()
    {
        var xml = "<rss version=\"2.0\"><channel><title>T</title><item><title>&lt;!DOCTYPE html&gt; explained</title>"
            + "<link>https://lenient.example/x</link><description>&lt;!ENTITY x \"y\"&gt; &lt;html&gt; &lt;?xml version=\"1.0\"?&gt;</description></item></channel></rss>";

        var parsed = Parse(xml);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal("https://lenient.example/x", Assert.Single(parsed.Items).Url);
    }

    [Theory]
    [InlineData("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Blog</title></head><body><p>Hi<br></p></body></html>")]
    [InlineData("<!doctype html><html lang=en><body>unquoted attributes are not XML</body></html>")]
    [InlineData("<html><head><title>x</title></head><body></body></html>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>")]
    public void A_real_html_page_is_still_refused(string page)
    {
        var parsed = Parse(page);

        Assert.False(parsed.Succeeded);
        Assert.Equal("Not a feed: the server sent an HTML page", parsed.Error);
    }

    [Fact]
    public void A_doctype_that_declares_entities_is_still_refused_before_an_atom_root()
    {
        var parsed = Parse("<!DOCTYPE feed [<!ELEMENT feed ANY><!ENTITY e \"EXPANDED\">]>" + Atom.Replace("Entry", "&e;", StringComparison.Ordinal));

        Assert.False(parsed.Succeeded);
        Assert.Contains("DTD declares entities", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_declaration_hidden_behind_a_quoted_bracket_is_still_refused()
    {
        var parsed = Parse("<!DOCTYPE rss [<!ATTLIST rss note CDATA \"]>\"><!ENTITY e \"EXPANDED\">]>"
            + "<rss version=\"2.0\"><channel><item><title>&e;</title><link>https://lenient.example/x</link></item></channel></rss>");

        Assert.False(parsed.Succeeded);
        Assert.Contains("DTD declares entities", parsed.Error, StringComparison.Ordinal);
    }
}
