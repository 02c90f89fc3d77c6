using Digest.Feeds.Text;

namespace Digest.Feeds.Tests.Text;

public class HtmlTextTests
{
    [Fact]
    public void Tags_scripts_and_entities_become_plain_text()
    {
        var text = HtmlText.ToPlainText("<p>Hello &amp;amp; <b>world</b></p><script>alert(1)</script><p>Second&nbsp;para</p>");
        Assert.Equal("Hello & world\n\nSecond para", text);
    }

    [Fact]
    public void Titles_are_one_line_and_decoded() =>
        Assert.Equal("Rust & “Go” in 2026", HtmlText.ToTitle("  Rust &amp; &#8220;Go&#8221;\n in 2026 "));

    [Fact]
    public void Titles_made_of_blocks_stay_on_one_line() =>
        Assert.Equal("Big news Read more", HtmlText.ToTitle("<h1>Big</h1><p>news</p><div>Read more</div>"));

    [Fact]
    public void Control_characters_are_dropped() => Assert.Equal("ab", HtmlText.ToPlainText("a\u0001\u0007b"));

    [Fact]
    public void List_items_and_headings_end_their_lines()
    {
        var text = HtmlText.ToPlainText(
            "<h2>What changed</h2><p>The release adds three things.</p><ul><li>the Linux kernel</li><li>vector databases</li>"
            + "<li>energy use</li></ul><p>Several users noticed.</p>");
        Assert.Equal("What changed\n\nThe release adds three things.\n\nthe Linux kernel\nvector databases\nenergy use\n\nSeveral users noticed.", text);
    }

    [Fact]
    public void Divs_breaks_and_table_rows_are_lines_and_cells_are_separated()
    {
        Assert.Equal("one\ntwo\na\nb", HtmlText.ToPlainText("<div>one</div><div>two</div>a<br>b"));
        Assert.Equal(
            "Name | Score\nVega | 10",
            HtmlText.ToPlainText("<table><tr><th>Name</th><th>Score</th></tr><tr><td>Vega</td><td>10</td></tr></table>"));
        Assert.Equal("term\ndefinition", HtmlText.ToPlainText("<dl><dt>term</dt><dd>definition</dd></dl>"));
    }

    [Fact]
    public void Inline_elements_add_nothing() =>
        Assert.Equal(
            "Bold, italic and linked code.",
            HtmlText.ToPlainText("<p><b>Bo</b>ld, <i>ita</i><em>lic</em> <span>and</span> <a href=\"x\">link</a>ed <code>co</code><strong>de</strong>.</p>"));

    [Theory]
    [InlineData("<script>if (a<b) { document.write('</p>secret'); }</script>")]
    [InlineData("<style>p<b { color: red }</style>")]
    [InlineData("<noscript><img src=x>secret</noscript>")]
    [InlineData("<template><p>secret</p></template>")]
    [InlineData("<svg><text>secret</text><svg><g/></svg>secret</svg>")]
    [InlineData("<iframe src=\"https://e.com\">secret</iframe>")]
    [InlineData("<nav><ul><li>Home</li><li>secret</li></ul></nav>")]
    [InlineData("<figure><img src=x><figcaption>secret caption</figcaption></figure>")]
    [InlineData("<button>secret</button>")]
    [InlineData("<form><label>secret</label><input name=q></form>")]
    [InlineData("<select><option>secret</option></select>")]
    public void Hidden_and_chrome_elements_are_dropped_with_their_content(string hidden)
    {
        var text = HtmlText.ToPlainText($"<p>Before.</p>{hidden}<p>After.</p>");
        Assert.Equal("Before.\n\nAfter.", text);
    }

    [Theory]
    [InlineData("<html><head><title>Page title</title><style>b{}</style></head><body><p>Body text.</p></body></html>")]
    [InlineData("<head><meta charset=utf-8><title>Page title</title><body><p>Body text.</p>")]
    public void A_pages_head_is_dropped(string page) => Assert.Equal("Body text.", HtmlText.ToPlainText(page));

    [Theory]
    [InlineData("More from this blog")]
    [InlineData("Read more")]
    [InlineData("Read more »")]
    [InlineData("Continue reading →")]
    [InlineData("Continue reading “Why we moved to Postgres” →")]
    [InlineData("The post Why we moved to Postgres appeared first on The Example Blog.")]
    [InlineData("Related posts")]
    [InlineData("Share this:")]
    [InlineData("SUBSCRIBE NOW")]
    [InlineData("Like this: Loading...")]
    [InlineData("Like this:")]
    [InlineData("Loading…")]
    public void Boilerplate_lines_are_dropped(string line) =>
        Assert.Equal("The article.\n\nIts end.", HtmlText.ToPlainText($"<p>The article.</p><p>{line}</p><p>Its end.</p>"));

    [Fact]
    public void Boilerplate_words_inside_sentences_stay()
    {
        const string Sentence = "Readers who continue reading will find that we read more than we write.";
        Assert.Equal(Sentence, HtmlText.ToPlainText($"<p>{Sentence}</p>"));
        Assert.Equal("Related posts are listed below, sorted by date.", HtmlText.ToPlainText("<p>Related posts are listed below, sorted by date.</p>"));
    }

    [Fact]
    public void Entities_are_decoded_and_double_escaping_once_more_but_no_further()
    {
        Assert.Equal("<tag> © ’ 😀 \"q\"", HtmlText.ToPlainText("&lt;tag&gt; &copy; &#8217; &#x1F600; &quot;q&quot;"));
        Assert.Equal("Fish & chips", HtmlText.ToPlainText("Fish &amp;amp; chips"));
        Assert.Equal("Fish &amp; chips", HtmlText.ToPlainText("Fish &amp;amp;amp; chips"));
    }

    [Fact]
    public void Cdata_left_in_the_html_is_unwrapped()
    {
        Assert.Equal("Inside the item.", HtmlText.ToPlainText("<![CDATA[<p>Inside the item.</p>]]>"));
        Assert.Equal("plain text and more", HtmlText.ToPlainText("<![CDATA[plain text]]> and more"));
    }

    [Fact]
    public void A_bare_less_than_is_text() =>
        Assert.Equal("a < b and 3 <= 4, x <- y", HtmlText.ToPlainText("a < b and 3 <= 4, x <- y"));

    [Theory]
    [InlineData("Before<!-- never closed <p>lost</p>")]
    [InlineData("Before <div class=\"never closed")]
    [InlineData("Before <a href='x")]
    public void Unclosed_comments_and_tags_end_the_text_but_keep_what_came_first(string html) =>
        Assert.Equal("Before", HtmlText.ToPlainText(html));

    [Fact]
    public void Unclosed_blocks_still_separate_their_text() =>
        Assert.Equal("Open\n\nStill open\nitem", HtmlText.ToPlainText("<p>Open<p>Still <b>open<li>item"));

    [Fact]
    public void Preformatted_lines_are_kept_and_plain_text_paragraphs_too()
    {
        Assert.Equal("line one\nline two", HtmlText.ToPlainText("<pre>line one\nline two</pre>"));
        Assert.Equal("A wrapped paragraph.\n\nAnother.", HtmlText.ToPlainText("A wrapped\nparagraph.\n\n\n  Another.  "));
    }

    [Fact]
    public void Whitespace_and_blank_lines_collapse() =>
        Assert.Equal(
            "a b\n\nc",
            HtmlText.ToPlainText("<div>\n   a \t\u00A0 b  </div><p></p><p> </p><div><span></span></div><p>\n\nc\n</p>"));
}
