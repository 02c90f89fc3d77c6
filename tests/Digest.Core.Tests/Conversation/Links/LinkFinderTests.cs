using Digest.Core.Conversation.Links;

namespace Digest.Core.Tests.Conversation.Links;

public sealed class LinkFinderTests
{
    [Theory]
    [InlineData("https://example.com/a", "https://example.com/a")]
    [InlineData("look at this: https://example.com/a/b?x=1#frag please", "https://example.com/a/b?x=1#frag")]
    [InlineData("see https://example.com/a.", "https://example.com/a")]
    [InlineData("is https://example.com/a, https://example.org/b worth it?", "https://example.com/a")]
    [InlineData("(see https://example.com/a)", "https://example.com/a")]
    [InlineData("https://en.wikipedia.org/wiki/Queue_(abstract_data_type)", "https://en.wikipedia.org/wiki/Queue_(abstract_data_type)")]
    [InlineData("<https://example.com/a>", "https://example.com/a")]
    [InlineData("\"http://example.com/quoted\"", "http://example.com/quoted")]
    [InlineData("HTTPS://Example.com/Upper", "HTTPS://Example.com/Upper")]
    [InlineData("first http://example.com/1 then https://example.com/2", "http://example.com/1")]
    [InlineData("line one\nhttps://example.com/next-line\n", "https://example.com/next-line")]
    [InlineData("https:// broken then https://example.com/ok", "https://example.com/ok")]
    public void The_first_http_link_in_a_message_is_found_without_the_sentence_around_it(string text, string expected) =>
        Assert.Equal(expected, LinkFinder.FirstLink(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no links here, just example.com in passing")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/file")]
    [InlineData("xhttps://example.com/glued")]
    [InlineData("https://")]
    public void A_message_without_an_http_link_has_none(string? text) => Assert.Null(LinkFinder.FirstLink(text));

    [Theory]
    [InlineData("https://example.com/a", "https://example.com/a")]
    [InlineData("  http://example.com/a  ", "http://example.com/a")]
    [InlineData("<https://example.com/a>", "https://example.com/a")]
    [InlineData("example.com/page", "https://example.com/page")]
    public void Http_links_parse(string url, string expected)
    {
        Assert.True(LinkFinder.TryParse(url, out var uri));
        Assert.Equal(expected, uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/file")]
    [InlineData("gopher://example.com/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<p>hi</p>")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("/etc/passwd")]
    [InlineData("two words")]
    [InlineData("http://")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_does_not(string? url) => Assert.False(LinkFinder.TryParse(url, out _));
}

public sealed class LinkFailureTests
{
    [Fact]
    public void Each_failure_has_its_one_line_for_the_person_who_sent_the_link()
    {
        Assert.Equal("Only http and https links can be summarized.", LinkFailure.NotHttp().Message);
        Assert.Equal("That address is on a private network; I only read public web pages.", LinkFailure.NonPublicAddress().Message);
        Assert.Equal("The page took longer than 15 s.", LinkFailure.TimedOut(TimeSpan.FromSeconds(15)).Message);
        Assert.Equal("The page is larger than 5 MB.", LinkFailure.TooLarge(5 * 1024 * 1024).Message);
        Assert.Equal("The site answered with an error (HTTP 503).", LinkFailure.HttpError(503).Message);
        Assert.Equal("That link is not a web page (application/pdf).", LinkFailure.NotAPage("application/PDF").Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/html\nInjected: yes")]
    [InlineData("<b>bold</b>")]
    public void A_media_type_that_does_not_read_as_one_is_left_out(string? mediaType) =>
        Assert.Equal("That link is not a web page.", LinkFailure.NotAPage(mediaType).Message);
}
