using Digest.Telegram.Rendering;
using Digest.TestKit.Telegram;

namespace Digest.Telegram.Tests.Rendering;

public class TelegramMessageSplitterTests
{
    private static void AssertValid(IEnumerable<string> parts, int limit)
    {
        foreach (var part in parts)
        {
            var parsed = TelegramHtml.Parse(part);
            Assert.True(parsed.Ok, $"{parsed.Error} in:\n{part}");
            Assert.InRange(parsed.Length, 1, limit);
        }
    }

    [Fact]
    public void Blocks_that_fit_share_a_message_separated_by_a_blank_line()
    {
        var parts = TelegramMessageSplitter.Split(["<b>one</b>", "two", "three"], 100);

        Assert.Equal(["<b>one</b>\n\ntwo\n\nthree"], parts);
    }

    [Fact]
    public void A_message_ends_between_blocks_never_inside_one()
    {
        var parts = TelegramMessageSplitter.Split(["<b>aaaa</b>\nbbbb", "cccc\ndddd", "eeee"], 15);

        Assert.Equal(["<b>aaaa</b>\nbbbb", "cccc\ndddd\n\neeee"], parts);
    }

    [Fact]
    public void A_block_longer_than_the_limit_is_split_between_its_lines()
    {
        var parts = TelegramMessageSplitter.Split(["head", "<b>line one</b>\n<i>line two</i>\nline three"], 20);

        Assert.Equal(["head\n\n<b>line one</b>", "<i>line two</i>\nline three"], parts);
    }

    [Fact]
    public void Line_breaks_inside_a_tag_do_not_split_it()
    {
        var block = "<blockquote>" + string.Join("\n", Enumerable.Repeat("quoted line", 10)) + "</blockquote>";

        var parts = TelegramMessageSplitter.Split([block], 40);

        var part = Assert.Single(parts);
        Assert.EndsWith("…</blockquote>", part, StringComparison.Ordinal);
        AssertValid(parts, 40);
    }

    [Fact]
    public void Truncation_closes_open_tags_and_ends_with_an_ellipsis()
    {
        var cut = TelegramMessageSplitter.Truncate("<b>bold <a href=\"https://e.com\">a long link text</a> tail</b>", 12);

        Assert.Equal("<b>bold <a href=\"https://e.com\">a long…</a></b>", cut);
    }

    [Fact]
    public void Truncation_never_cuts_an_entity_or_an_emoji()
    {
        var html = string.Concat(Enumerable.Repeat("&amp;&lt;😀👩‍👩‍👧", 20));

        for (var limit = 1; limit < 40; limit++)
        {
            var cut = TelegramMessageSplitter.Truncate(html, limit);
            var parsed = TelegramHtml.Parse(cut);
            Assert.True(parsed.Ok, parsed.Error);
            Assert.InRange(parsed.Length, 1, limit);
            Assert.EndsWith("…", parsed.PlainText, StringComparison.Ordinal);
            Assert.DoesNotMatch("&[#a-z0-9]*…", cut);
            Assert.DoesNotContain("\u200D…", parsed.PlainText, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("a < b and more text that is long")]
    [InlineData("ends with <")]
    [InlineData("</b> stray end tag and a long tail of text")]
    public void Malformed_input_still_terminates(string html)
    {
        var parts = TelegramMessageSplitter.Split([html, html], 12);

        Assert.NotEmpty(parts);
        Assert.EndsWith("…", TelegramMessageSplitter.Truncate(html, 5), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_fits_is_not_truncated()
    {
        Assert.Equal("<b>exactly ten</b>", TelegramMessageSplitter.Truncate("<b>exactly ten</b>", 11));
    }

    [Fact]
    public void Random_documents_always_split_into_valid_parts_within_the_limit()
    {
        var random = new Random(42);
        string[] words = ["alpha", "&amp;", "&lt;b&gt;", "😀", "中文", "👩‍👩‍👧", "x", "  "];
        string[] tags = ["b", "i", "blockquote", "code"];
        for (var run = 0; run < 200; run++)
        {
            var blocks = Enumerable.Range(0, random.Next(1, 8)).Select(_ =>
            {
                var lines = Enumerable.Range(0, random.Next(1, 6)).Select(_ =>
                {
                    var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => words[random.Next(words.Length)] + " "));
                    var tag = tags[random.Next(tags.Length)];
                    return random.Next(3) == 0 ? text : $"<{tag}>{text}</{tag}>";
                });
                return string.Join("\n", lines);
            }).ToList();
            var limit = random.Next(2, 120);

            AssertValid(TelegramMessageSplitter.Split(blocks, limit), limit);
        }
    }
}
