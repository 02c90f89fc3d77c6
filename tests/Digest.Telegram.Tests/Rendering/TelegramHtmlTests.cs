using Digest.TestKit.Telegram;

namespace Digest.Telegram.Tests.Rendering;

public class TelegramHtmlTests
{
    [Theory]
    [InlineData("<b>bold</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <ins>n</ins>", "bold s i e u n")]
    [InlineData("<s>a</s><strike>b</strike><del>c</del>", "abc")]
    [InlineData("<span class=\"tg-spoiler\">x</span><tg-spoiler>y</tg-spoiler>", "xy")]
    [InlineData("<a href=\"https://e.com/?a=1&amp;b=2\">link</a>", "link")]
    [InlineData("<pre><code class=\"language-cs\">var x;</code></pre>", "var x;")]
    [InlineData("<blockquote expandable>q</blockquote><blockquote>r</blockquote>", "qr")]
    [InlineData("<B>caps</B><A HREF='https://e.com'>x</A>", "capsx")]
    [InlineData("<b >spaced</b >", "spaced")]
    [InlineData("<b>closed by the short form</>", "closed by the short form")]
    public void Allowed_tags_parse_and_leave_only_their_text(string html, string plain)
    {
        var result = TelegramHtml.Parse(html);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(plain, result.PlainText);
    }

    [Theory]
    [InlineData("a &lt; b &gt; c &amp; d &quot;e&quot;", "a < b > c & d \"e\"")]
    [InlineData("&#65;&#x42;&#128512;", "AB😀")]
    [InlineData("&lt without semicolon", "< without semicolon")]
    [InlineData("&nbsp; &copy; stay", "&nbsp; &copy; stay")]
    [InlineData("a bare & ampersand", "a bare & ampersand")]
    [InlineData("&#0; &#; &ampx;", "&#0; &#; &ampx;")]
    public void Entities_are_decoded_as_Telegram_decodes_them(string html, string plain)
    {
        var result = TelegramHtml.Parse(html);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(plain, result.PlainText);
    }

    [Theory]
    [InlineData("Hello, <p>world</p>", "Unsupported start tag \"p\" at byte offset 7")]
    [InlineData("line<br>break", "Unsupported start tag \"br\" at byte offset 4")]
    [InlineData("<script>alert(1)</script>", "Unsupported start tag \"script\" at byte offset 0")]
    [InlineData("1 < 2", "Unsupported start tag \"\" at byte offset 2")]
    [InlineData("é<div>", "Unsupported start tag \"div\" at byte offset 2")]
    [InlineData("<b>never closed", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("<b><i>x</b></i>", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"")]
    [InlineData("text</b>", "Unexpected end tag at byte offset 4")]
    [InlineData("<b>x</b", "Unclosed end tag at byte offset 4")]
    [InlineData("<a href=\"https://e.com\">x", "Can't find end tag corresponding to start tag \"a\"")]
    [InlineData("<a href=\"https://e.com>x</a>", "Unclosed start tag at byte offset 0")]
    [InlineData("<a href=https://e.com>x</a>", "Unexpected end of name token at byte offset 13")]
    [InlineData("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\" at byte offset 0")]
    [InlineData("<b =1>x</b>", "Empty attribute name in the tag \"b\" at byte offset 0")]
    public void Invalid_markup_fails_with_TDLib_wording(string html, string error)
    {
        var result = TelegramHtml.Parse(html);

        Assert.False(result.Ok);
        Assert.Equal(error, result.Error);
        Assert.Equal(string.Empty, result.PlainText);
    }

    [Fact]
    public void Length_counts_code_points_not_UTF16_units_or_bytes()
    {
        var result = TelegramHtml.Parse("<b>😀中</b>&amp;");

        Assert.True(result.Ok);
        Assert.Equal(3, result.Length);
    }

    [Fact]
    public void Unknown_attributes_are_ignored()
    {
        var result = TelegramHtml.Parse("<b class=\"x\" data-y='z'>ok</b>");

        Assert.True(result.Ok, result.Error);
        Assert.Equal("ok", result.PlainText);
    }
}
