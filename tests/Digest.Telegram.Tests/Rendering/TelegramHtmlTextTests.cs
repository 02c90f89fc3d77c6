using Digest.Telegram.Rendering;
using Digest.TestKit.Telegram;

namespace Digest.Telegram.Tests.Rendering;

public class TelegramHtmlTextTests
{
    [Fact]
    public void Escape_replaces_ampersand_and_angle_brackets_and_keeps_quotes()
    {
        Assert.Equal("a &amp; b &lt;i&gt; \"q\" &amp;amp;", TelegramHtmlText.Escape("a & b <i> \"q\" &amp;"));
    }

    [Fact]
    public void Escaped_text_reads_back_exactly_as_written()
    {
        const string hostile = "<script>alert(1)</script> & &nbsp; &#65; \"x\" 😀 中文";

        var parsed = TelegramHtml.Parse(TelegramHtmlText.Escape(hostile));

        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal(hostile, parsed.PlainText);
    }

    [Fact]
    public void Attribute_escaping_also_escapes_double_quotes()
    {
        Assert.Equal("a&quot;b&amp;c&lt;", TelegramHtmlText.EscapeAttribute("a\"b&c<"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData("ftp://example.com/file")]
    [InlineData("/relative/path")]
    [InlineData("tg://user?id=1")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_absolute_http_urls_are_safe_hrefs(string? url)
    {
        Assert.Null(TelegramHtmlText.SafeHref(url));
        Assert.Equal("t", TelegramHtmlText.Link("t", url));
    }

    [Fact]
    public void A_safe_href_is_escaped_for_its_attribute()
    {
        var link = TelegramHtmlText.Link("a<b", "https://example.com/?a=1&b=\"2\"");

        Assert.Equal("<a href=\"https://example.com/?a=1&amp;b=%222%22\">a&lt;b</a>", link);
        Assert.True(TelegramHtml.Parse(link).Ok);
    }

    [Theory]
    [InlineData("<b>bold</b> &amp; <a href=\"https://e.com/?a=1&amp;b=2\">link</a>")]
    [InlineData("<blockquote>q &lt;x&gt; &quot;y&quot; &#128512;</blockquote>\n<i>😀</i>")]
    [InlineData("plain &amp;nbsp; text")]
    public void Plain_text_is_what_Telegram_shows_for_our_html(string html)
    {
        var parsed = TelegramHtml.Parse(html);

        Assert.Equal(parsed.PlainText, TelegramHtmlText.ToPlainText(html));
        Assert.Equal(parsed.Length, TelegramHtmlText.PlainLength(html));
    }

    [Fact]
    public void Plain_length_counts_code_points()
    {
        Assert.Equal(4, TelegramHtmlText.PlainLength("<b>😀</b>中&amp;&lt;"));
    }
}
