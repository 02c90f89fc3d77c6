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
    public void Control_characters_are_dropped() => Assert.Equal("ab", HtmlText.ToPlainText("a\u0001\u0007b"));
}
