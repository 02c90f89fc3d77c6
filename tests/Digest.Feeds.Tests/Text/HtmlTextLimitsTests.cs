using System.Diagnostics;
using System.Text;
using Digest.Feeds.Text;
using Xunit.Abstractions;

namespace Digest.Feeds.Tests.Text;

public class HtmlTextLimitsTests(ITestOutputHelper output)
{
    private const int MB = 1024 * 1024;

    private static string Junk(int chars, string unit)
    {
        var sb = new StringBuilder(chars + unit.Length);
        while (sb.Length < chars)
        {
            sb.Append(unit);
        }
        return sb.ToString(0, chars);
    }

    /// <summary>The time of one reading, averaged over <paramref name="repeats"/> readings in a row.</summary>
    private static TimeSpan Time(string html, int repeats)
    {
        // Start from a clean heap, so a run does not pay for the garbage of the one before.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < repeats; i++)
        {
            HtmlText.ToPlainText(html, int.MaxValue, int.MaxValue);
        }
        return watch.Elapsed / repeats;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [Theory]
    [InlineData("<div><b><i>a < b <span x=\"")]
    [InlineData("<p><b><i><a href='#'>x < y <!-- c --> &amp;amp; <table><tr><td><li>z <span x=\"1\">")]
    public void Reading_junk_markup_is_linear_in_its_size(string unit)
    {
        // The caps are lifted: this measures the reading itself, not the early stop.
        var small = Junk(1 * MB, unit);
        var large = Junk(10 * MB, unit);
        HtmlText.ToPlainText(small, int.MaxValue, int.MaxValue);

        // Best of three for each size, interleaved, so a busy machine or a GC pause weighs on both alike. The
        // 1 MB sample reads ten times in a row: a lone short run can slip between other processes' time slices
        // where a long one cannot, which would make the ratio look worse than the code is.
        var smallTime = TimeSpan.MaxValue;
        var largeTime = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            smallTime = Min(smallTime, Time(small, repeats: 10));
            largeTime = Min(largeTime, Time(large, repeats: 1));
        }

        output.WriteLine($"1 MB: {smallTime.TotalMilliseconds:F0} ms, 10 MB: {largeTime.TotalMilliseconds:F0} ms, ratio {largeTime / smallTime:F1}");
        Assert.True(largeTime < smallTime * 20, $"1 MB took {smallTime.TotalMilliseconds:F0} ms, 10 MB {largeTime.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void A_huge_body_yields_at_most_the_output_cap_cut_at_a_word()
    {
        const string Paragraph = "<p>A sentence of plain words, <b>some bold</b>.</p>";

        var text = HtmlText.ToPlainText(Junk(10 * MB, Paragraph));

        Assert.InRange(text.Length, HtmlText.MaxOutputChars * 9 / 10, HtmlText.MaxOutputChars);
        var uncapped = HtmlText.ToPlainText(Junk(1 * MB, Paragraph), int.MaxValue, int.MaxValue);
        Assert.StartsWith(text, uncapped, StringComparison.Ordinal);
        Assert.True(char.IsWhiteSpace(uncapped[text.Length]));
    }

    [Fact]
    public void A_huge_body_of_junk_yields_at_most_the_output_cap() =>
        Assert.InRange(HtmlText.ToPlainText(Junk(10 * MB, "<div><b><i>a < b <span x=\"")).Length, 1, HtmlText.MaxOutputChars);

    [Fact]
    public void Markup_past_the_input_cap_is_not_read() =>
        Assert.Equal("abc", HtmlText.ToPlainText("<p>abc</p><p>def</p>", maxInputChars: 10, maxOutputChars: 1000));

    [Fact]
    public void The_output_cap_cuts_at_a_word() =>
        Assert.Equal("one two", HtmlText.ToPlainText("<p>one two three four</p>", maxInputChars: 1000, maxOutputChars: 10));
}
