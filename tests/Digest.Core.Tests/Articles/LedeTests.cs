using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles;

public sealed class LedeTests
{
    private const string First = "The new planner picks join orders from table statistics instead of fixed rules.";
    private const string Second = "On the TPC-H suite it cuts the median query time by a third, and the slowest queries gain the most.";

    [Fact]
    public void A_short_text_is_the_lede_whole_with_its_spacing_tidied()
    {
        var text = $"  {First}\n\n\n  {Second}   \r\n\t\n";

        Assert.Equal($"{First}\n{Second}", Lede.Of(text));
    }

    [Fact]
    public void A_long_text_is_cut_after_the_last_sentence_that_fits_and_marked()
    {
        var text = string.Join(' ', Enumerable.Repeat($"{First} {Second}", 10));

        var lede = Lede.Of(text);

        Assert.InRange(lede.Length, 200, Lede.MaxLength);
        Assert.EndsWith(".…", lede, StringComparison.Ordinal);
        Assert.StartsWith(lede[..^1], text, StringComparison.Ordinal);
        Assert.StartsWith(text[..(lede.Length - 1)] + " ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_paragraph_long_enough_is_the_lede_alone_and_unmarked()
    {
        var paragraph = $"{First} {Second}";
        var text = $"{paragraph}\nThe second paragraph goes into the benchmark setup.\nA third one has the caveats.";

        Assert.Equal(paragraph, Lede.Of(text));
    }

    [Fact]
    public void A_short_first_paragraph_is_joined_by_the_next_ones_until_it_is_long_enough()
    {
        var text = $"It shipped today.\n{First}\n{Second}\nThis paragraph is not needed any more.";

        var lede = Lede.Of(text);

        Assert.Equal($"It shipped today.\n{First}\n{Second}", lede);
        Assert.InRange(lede.Length, Lede.MinLength, Lede.MaxLength);
    }

    [Fact]
    public void A_first_line_repeating_the_title_is_left_out()
    {
        const string title = "The new planner: join orders from statistics";
        var text = $"The New Planner — Join Orders from Statistics!\n{First} {Second}";

        Assert.Equal($"{First} {Second}", Lede.Of(text, title));
        Assert.StartsWith("The New Planner", Lede.Of(text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_byline_and_a_dateline_before_the_first_paragraph_are_left_out()
    {
        var text = $"By Jane Doe\nMarch 3, 2025 · 6 min read\n{First} {Second}";

        Assert.Equal($"{First} {Second}", Lede.Of(text, "A planner that reads statistics"));
    }

    [Fact]
    public void A_text_of_short_lines_only_keeps_them_as_its_opening()
    {
        var items = Enumerable.Range(1, 20).Select(i => $"- release note number {i}").ToList();

        Assert.Equal("By Jane Doe", Lede.Of("By Jane Doe"));
        var lede = Lede.Of(string.Join('\n', items));
        Assert.StartsWith(string.Join('\n', items.Take(5)), lede, StringComparison.Ordinal);
        Assert.InRange(lede.Length, Lede.MinLength, Lede.MaxLength);
    }

    [Fact]
    public void A_paragraph_break_ends_a_sentence_too()
    {
        var heading = new string('x', 5) + " " + string.Join(' ', Enumerable.Repeat("heading words without a stop", 4));
        var text = heading + "\n" + string.Join(' ', Enumerable.Repeat("more words and more words", 40));

        Assert.Equal(heading + "…", Lede.Of(text, max: 200));
    }

    [Fact]
    public void A_sentence_without_an_end_in_reach_is_cut_at_a_word_boundary()
    {
        var text = string.Join(' ', Enumerable.Repeat("lorem ipsum", 100));

        var lede = Lede.Of(text);

        Assert.True(lede.Length <= Lede.MaxLength, $"{lede.Length} characters");
        Assert.EndsWith("…", lede, StringComparison.Ordinal);
        var words = lede[..^1].Split(' ');
        Assert.All(words, w => Assert.Contains(w, (string[])["lorem", "ipsum"]));
        Assert.Equal(' ', text[lede.Length - 1]);
    }

    [Fact]
    public void An_abbreviation_is_not_taken_for_the_end_of_a_sentence()
    {
        var text = new string('a', 150) + ". " + new string('b', 100) + " e.g. " + string.Join(' ', Enumerable.Repeat("word", 80));

        var lede = Lede.Of(text);

        Assert.NotEqual(new string('a', 150) + ". " + new string('b', 100) + " e.g.…", lede);
        Assert.Contains("e.g. word", lede, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_without_spaces_is_cut_hard_and_never_inside_a_surrogate_pair()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 300));

        var lede = Lede.Of(emoji);

        Assert.True(lede.Length <= Lede.MaxLength, $"{lede.Length} characters");
        Assert.InRange(lede.Length, Lede.MaxLength - 2, Lede.MaxLength);
        Assert.True(char.IsHighSurrogate(lede[^3]) && char.IsLowSurrogate(lede[^2]), "the last emoji before the ellipsis is whole");
    }

    [Fact]
    public void Chinese_sentences_end_at_a_full_width_stop()
    {
        var sentence = new string('字', 60) + "。";
        var text = string.Concat(Enumerable.Repeat(sentence, 10));

        var lede = Lede.Of(text);

        Assert.Equal(string.Concat(Enumerable.Repeat(sentence, 6)) + "…", lede);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(399)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(5_000)]
    public void The_lede_is_never_longer_than_400_characters_and_marks_every_cut(int length)
    {
        var text = string.Concat(Enumerable.Range(0, length).Select(i => i % 7 == 6 ? ' ' : (char)('a' + (i % 26))));

        var lede = Lede.Of(text);

        Assert.True(lede.Length <= Lede.MaxLength, $"{lede.Length} characters");
        Assert.Equal(length > Lede.MaxLength, lede.EndsWith('…'));
    }
}
