using Digest.Discord.Rendering;

namespace Digest.Discord.Tests.Rendering;

public class DiscordMessageSplitterTests
{
    [Fact]
    public void Blocks_are_packed_whole_with_a_blank_line_between()
    {
        var blocks = Enumerable.Range(1, 10).Select(i => $"### {i}\\. block\n" + new string('x', 30)).ToList();

        var parts = DiscordMessageSplitter.Split(blocks, 100);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 100));
        Assert.Equal(string.Join("\n\n", blocks), string.Join("\n\n", parts));
        Assert.All(blocks, b => Assert.Single(parts, p => p.Contains(b, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_block_longer_than_a_message_is_cut_at_a_word_with_an_ellipsis()
    {
        var block = "### 1\\. [Title](<https://example.com/a>)\n> " + string.Join(' ', Enumerable.Repeat("word", 100));

        var part = Assert.Single(DiscordMessageSplitter.Split([block], 120));

        Assert.True(part.Length <= 120);
        Assert.EndsWith("word…", part, StringComparison.Ordinal);
        Assert.StartsWith("### 1\\. [Title](<https://example.com/a>)\n> word", part, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_summary_is_shortened_so_the_lines_after_it_stay()
    {
        var block = "### 1\\. [Title](<https://example.com/a>)\n> " + string.Join(' ', Enumerable.Repeat("word", 200)) + "\n🏷️ tags";

        var part = DiscordMessageSplitter.Truncate(block, 300);

        Assert.InRange(part.Length, 290, 300);
        Assert.StartsWith("### 1\\. [Title](<https://example.com/a>)\n> word", part, StringComparison.Ordinal);
        Assert.EndsWith("word…\n🏷️ tags", part, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_never_falls_inside_a_link()
    {
        var block = "intro [a long link text with many words](<https://example.com/a>) after";

        var cut = DiscordMessageSplitter.Truncate(block, 40);

        Assert.Equal("intro…", cut);
    }

    [Fact]
    public void A_cut_never_falls_inside_bold_text()
    {
        var cut = DiscordMessageSplitter.Truncate("a **bold words here** tail", 15);

        Assert.Equal("a…", cut);
    }

    [Fact]
    public void A_cut_never_falls_inside_a_code_block()
    {
        var cut = DiscordMessageSplitter.Truncate("### Keywords\n```\nai │ ███ 3\nml │ ██ 2\n```\nafter", 30);

        Assert.Equal("### Keywords…", cut);
    }

    [Fact]
    public void An_escaped_bracket_does_not_open_a_link()
    {
        var cut = DiscordMessageSplitter.Truncate("a \\[not a link and more words", 12);

        Assert.Equal("a \\[not a…", cut);
    }
}
