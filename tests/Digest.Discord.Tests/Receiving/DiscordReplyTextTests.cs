using Digest.Discord.Receiving;

namespace Digest.Discord.Tests.Receiving;

public sealed class DiscordReplyTextTests
{
    [Fact]
    public void A_line_longer_than_a_message_is_split_between_words_and_a_huge_word_is_cut_within_the_limit()
    {
        var text = string.Join(' ', Enumerable.Repeat("word_with_underscores", 200)) + "\n" + new string('*', 5000);

        var parts = DiscordReplyText.Format(text);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, DiscordReplyText.MaxLength));
        Assert.Equal(5000, parts.Sum(p => p.Count(c => c == '*')));
        Assert.Equal(200, parts.Sum(p => p.Split(' ', '\n').Count(w => w == @"word\_with\_underscores")));
    }

    [Fact]
    public void Links_stay_clickable_without_a_preview_and_unsafe_ones_are_text()
    {
        Assert.Equal(@"see <https://example.com/a_%28b%29>\.", DiscordReplyText.Render("see https://example.com/a_(b)."));
        Assert.Equal(@"\(see <https://example.com/x>\)", DiscordReplyText.Render("(see https://example.com/x)"));
        Assert.Equal(@"javascript\:alert\(1\)", DiscordReplyText.Render("javascript:alert(1)"));
    }

    [Fact]
    public void Mentions_and_markdown_in_a_reply_are_inert()
    {
        Assert.Equal("@\u200Bhere \\<@1500000000000000001\\> \\> quote", DiscordReplyText.Render("@here <@1500000000000000001> > quote"));
    }

    [Fact]
    public void Blank_text_makes_no_message()
    {
        Assert.Empty(DiscordReplyText.Format(" \n\n "));
    }
}
