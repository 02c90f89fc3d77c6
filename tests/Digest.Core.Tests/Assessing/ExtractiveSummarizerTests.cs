using System.Text.RegularExpressions;
using Digest.Core.Assessing.Offline;

namespace Digest.Core.Tests.Assessing;

public class ExtractiveSummarizerTests
{
    private static readonly string[] Padding =
    [
        "The company said the chip will reach customers in the second half of the year.",
        "Analysts expect the new packaging to lower costs for smaller design houses.",
        "Early benchmarks show a clear gain in performance per watt over the previous part.",
        "Several cloud providers have already placed orders for evaluation boards.",
        "Engineers moved the memory controller closer to the compute tiles to cut latency.",
        "The firm plans to publish a detailed paper at a conference in the autumn.",
        "Competitors are working on similar designs but have not announced dates.",
        "Prices were not disclosed, although partners hinted at a premium over older parts.",
    ];

    private static string Fold(string sentence) => Regex.Replace(sentence.ToLowerInvariant(), @"[^\p{L}\p{N}]+", " ").Trim();

    private static IReadOnlyList<string> SentencesOf(string summary) => Tokenizer.Sentences(summary);

    [Fact]
    public void A_sentence_repeated_in_the_article_appears_once()
    {
        const string Repeated = "TSMC says Vega XL was designed with small teams in mind.";
        var text = string.Join("\n\n", Repeated, Padding[0], Repeated, Padding[1], "TSMC says: Vega XL was designed with small teams in mind!", Padding[2], Repeated);

        var summary = ExtractiveSummarizer.Summarize("Vega XL arrives", text, ["vega", "tsmc"]);

        var folded = SentencesOf(summary).Select(Fold).ToList();
        Assert.Equal(folded.Distinct().Count(), folded.Count);
        Assert.Single(folded, s => s.Contains("designed with small teams", StringComparison.Ordinal));
    }

    [Fact]
    public void Headings_and_list_items_are_never_picked_nor_glued()
    {
        string[] fragments = ["What changed", "the Linux kernel", "vector databases", "energy use", "build times", "security fixes"];
        var text = "The release ships today after six months of work by the maintainers.\n\nWhat changed\n\n"
            + string.Join('\n', fragments.Skip(1))
            + "\n\nSeveral users said the upgrade was smooth on their servers.\n"
            + "The maintainers expect a follow-up release in June.\n"
            + "Benchmarks show the new scheduler cuts latency by a third.\n"
            + "Documentation has been rewritten for new contributors.";

        var summary = ExtractiveSummarizer.Summarize("A new release of Acme OS", text, ["release"]);

        Assert.All(fragments, f => Assert.DoesNotContain(f, summary, StringComparison.Ordinal));
        Assert.DoesNotContain("  ", summary, StringComparison.Ordinal);
        var lines = text.Split('\n');
        Assert.All(SentencesOf(summary), s => Assert.Contains(lines, l => l.Contains(s, StringComparison.Ordinal)));
        Assert.InRange(SentencesOf(summary).Count, 4, 5);
    }

    [Theory]
    [InlineData("Vega XL ships today.")]
    [InlineData("Vega XL Ships Today!")]
    [InlineData("“Vega XL ships today,” the firm says.")]
    public void The_title_is_not_repeated_as_a_sentence(string restated)
    {
        var text = restated + "\n" + string.Join(' ', Padding);

        var summary = ExtractiveSummarizer.Summarize("Vega XL ships today", text, ["vega"]);

        Assert.DoesNotContain(Fold("Vega XL ships today"), Fold(summary), StringComparison.Ordinal);
        Assert.StartsWith(Padding[0], summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_article_gives_four_to_six_sentences_in_order_within_the_length()
    {
        var text = string.Join("\n\n", Padding.Concat(Padding.Select(p => "Meanwhile, " + char.ToLowerInvariant(p[0]) + p[1..])));

        var summary = ExtractiveSummarizer.Summarize("Vega XL arrives", text, ["chip", "design"]);

        var sentences = SentencesOf(summary);
        Assert.InRange(sentences.Count, 4, 6);
        Assert.InRange(summary.Length, 1, 1000);
        var positions = sentences.Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Long_sentences_are_cut_at_a_sentence_not_inside_one()
    {
        var longSentences = Padding.Select(p => p.TrimEnd('.') + ", " + string.Join(", ", Enumerable.Repeat("and the details were described at length by the team", 4)) + ".").ToList();
        var text = string.Join("\n", longSentences);

        var summary = ExtractiveSummarizer.Summarize("Vega XL arrives", text, []);

        Assert.InRange(summary.Length, 1, 1000);
        Assert.All(SentencesOf(summary), s => Assert.Contains(s, longSentences));
    }

    [Fact]
    public void A_single_sentence_longer_than_the_budget_is_cut_at_a_word()
    {
        var text = "The team says " + string.Join(", ", Enumerable.Repeat("the chip was tested again", 60)) + ".";

        var summary = ExtractiveSummarizer.Summarize("Vega XL arrives", text, []);

        Assert.InRange(summary.Length, 900, 1000);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        Assert.StartsWith(summary[..^1], text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_whole_sentence_the_first_lines_stand_in()
    {
        var summary = ExtractiveSummarizer.Summarize("Acme OS 2.0", "Acme OS 2.0\nthe Linux kernel\nvector databases", []);
        Assert.Equal("the Linux kernel. vector databases.", summary);
    }

    [Fact]
    public void Without_any_text_the_title_stands_in() =>
        Assert.Equal("Acme OS 2.0", ExtractiveSummarizer.Summarize("Acme OS 2.0", "  \n ", []));

    [Theory]
    [InlineData("The maintainers expect a follow-up release in June.", true)]
    [InlineData("“We are not done yet,” the maintainers said.", true)]
    [InlineData("Will the scheduler land in the next release?", true)]
    [InlineData("We train a GPT-2 style model on a single GPU.", true)]
    [InlineData("What changed", false)]
    [InlineData("the Linux kernel", false)]
    [InlineData("Inference is unchanged.", false)]
    [InlineData("Photo credit: Jane Doe on Unsplash.", false)]
    [InlineData("The company said that it would expand the plant and…", false)]
    [InlineData("The company said that it would expand the plant and...", false)]
    [InlineData("- a bullet that says something here.", false)]
    public void Whole_sentences_are_told_from_fragments(string sentence, bool whole) =>
        Assert.Equal(whole, ExtractiveSummarizer.IsWholeSentence(sentence));

    [Fact]
    public void Sentences_end_at_line_breaks_and_after_closing_quotes()
    {
        Assert.Equal(
            ["What changed", "the Linux kernel", "He said “yes.”", "Then he left."],
            Tokenizer.Sentences("What changed\nthe Linux kernel\n\nHe said “yes.” Then he left."));
    }
}
