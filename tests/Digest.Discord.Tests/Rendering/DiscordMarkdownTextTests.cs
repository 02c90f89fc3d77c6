using Digest.Discord.Rendering;

namespace Digest.Discord.Tests.Rendering;

public class DiscordMarkdownTextTests
{
    [Theory]
    [InlineData("\\", "\\\\")]
    [InlineData("**bold**", "\\*\\*bold\\*\\*")]
    [InlineData("_x_ ~~s~~ `c` ||spoiler||", "\\_x\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|spoiler\\|\\|")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("> quote", "\\> quote")]
    [InlineData("- item", "\\- item")]
    [InlineData("+ item", "\\+ item")]
    [InlineData("-# subtext", "\\-\\# subtext")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("[a](b)", "\\[a\\]\\(b\\)")]
    [InlineData("plain words stay", "plain words stay")]
    public void Markdown_characters_are_backslash_escaped(string text, string expected) =>
        Assert.Equal(expected, DiscordMarkdownText.Escape(text));

    [Fact]
    public void Line_breaks_become_spaces_so_no_text_starts_a_line_of_its_own()
    {
        var escaped = DiscordMarkdownText.Escape("first\n# heading\r\n> quote\n- item");

        Assert.DoesNotContain('\n', escaped);
        Assert.Equal("first \\# heading \\> quote \\- item", escaped);
    }

    [Fact]
    public void A_title_holding_a_link_cannot_make_one()
    {
        var escaped = DiscordMarkdownText.Escape("x](http://evil) [a](<http://evil>)");

        Assert.DoesNotContain("](", DiscordMarkup.Unescaped(escaped), StringComparison.Ordinal);
        Assert.DoesNotContain("[", DiscordMarkup.Unescaped(escaped), StringComparison.Ordinal);
        Assert.Equal("x](http://evil) [a](<http://evil>)", DiscordMarkup.Shown(escaped));
    }

    [Fact]
    public void A_bare_url_in_text_is_kept_from_linking_and_unfurling()
    {
        var escaped = DiscordMarkdownText.Escape("see https://evil.example/x");

        Assert.DoesNotContain("https://", escaped, StringComparison.Ordinal);
        Assert.Equal("see https://evil.example/x", DiscordMarkup.Shown(escaped));
    }

    [Theory]
    [InlineData("@everyone", "@\u200Beveryone")]
    [InlineData("hi @here now", "hi @\u200Bhere now")]
    [InlineData("@EveryOne", "@\u200BEveryOne")]
    public void Mass_mentions_get_a_zero_width_space_after_the_at(string text, string expected) =>
        Assert.Equal(expected, DiscordMarkdownText.Escape(text));

    [Theory]
    [InlineData("<@123>")]
    [InlineData("<@!123>")]
    [InlineData("<@&123>")]
    [InlineData("<#123>")]
    [InlineData("</cmd:123>")]
    [InlineData("<t:1700000000:R>")]
    [InlineData("<:emoji:123>")]
    public void Discord_tokens_in_text_are_escaped_so_they_show_as_typed(string token)
    {
        var escaped = DiscordMarkdownText.Escape("ping " + token);

        Assert.DoesNotContain("<", DiscordMarkup.Unescaped(escaped), StringComparison.Ordinal);
        Assert.Equal("ping " + token, DiscordMarkup.Shown(escaped));
    }

    [Fact]
    public void A_link_is_masked_with_its_url_in_angle_brackets()
    {
        Assert.Equal("[A \\*title\\*](<https://example.com/a?b=1>)", DiscordMarkdownText.Link("A *title*", "https://example.com/a?b=1"));
    }

    [Theory]
    [InlineData("https://example.com/a(b)c", "https://example.com/a%28b%29c")]
    [InlineData("https://example.com/<x>", "https://example.com/%3Cx%3E")]
    [InlineData("https://example.com/a b", "https://example.com/a%20b")]
    public void Nothing_in_a_url_can_end_its_brackets(string url, string expected) =>
        Assert.Equal(expected, DiscordMarkdownText.SafeUrl(url));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("/relative")]
    [InlineData("")]
    public void Only_absolute_http_urls_become_links(string url)
    {
        Assert.Null(DiscordMarkdownText.SafeUrl(url));
        Assert.Equal("title", DiscordMarkdownText.Link("title", url));
    }

    [Fact]
    public void An_overlong_url_is_shown_as_text_rather_than_risk_a_cut_link()
    {
        var url = "https://example.com/" + new string('a', DiscordMarkdownText.MaxUrlLength);

        Assert.Null(DiscordMarkdownText.SafeUrl(url));
    }

    [Fact]
    public void A_code_line_cannot_close_its_fence_or_ping()
    {
        Assert.Equal("a'''b @\u200Beveryone", DiscordMarkdownText.CodeLine("a```b @everyone"));
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("one two three four", 10, "one two…")]
    [InlineData("abcdefghijkl", 5, "abcd…")]
    public void Shorten_cuts_at_a_word_with_an_ellipsis(string text, int max, string expected)
    {
        var shortened = DiscordMarkdownText.Shorten(text, max);

        Assert.Equal(expected, shortened);
        Assert.True(shortened.Length <= max);
    }
}
