using Digest.Core.Articles;
using Digest.Core.Assessing;

namespace Digest.Core.Tests.Assessing;

public sealed class KeywordPaddingTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 16, 12, 0, 0, TimeSpan.Zero);

    private static readonly Article Kernel = A(1, "Rust lands in the Linux kernel scheduler",
        "The scheduler rewrite in Rust passed review. Kernel maintainers merged the Rust scheduler after a year of review. " +
        "Benchmarks show the scheduler keeps latency flat under load.");

    private static readonly Article Postgres = A(2, "Postgres 18 adds asynchronous I/O",
        "Postgres 18 reads pages with asynchronous I/O. Sequential scans get faster on cloud disks, and vacuum finishes sooner.");

    private static Article A(long id, string title, string text) =>
        new(id, $"https://blog.example.com/{id}", null, "f", "blog.example.com", title, text, Now, Now, id);

    private static Assessment Scored(Article article, params string[] keywords) =>
        new(article.Id, 7, 6, 8, Category.Engineering, keywords, "model", "score-v2", Now);

    [Fact]
    public void One_keyword_is_topped_up_to_two_from_the_articles_own_text()
    {
        var padded = KeywordPadding.Pad([Scored(Kernel, "linux kernel")], [Kernel, Postgres]);

        var keywords = Assert.Single(padded).Keywords;
        Assert.Equal(2, keywords.Count);
        Assert.Equal("linux kernel", keywords[0]);
        Assert.Contains(keywords[1].Split(' '), w => Kernel.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || Kernel.Text.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_top_up_never_repeats_a_keyword_nor_a_word_of_it_when_others_are_left()
    {
        // What the article is most about, so the offline keywords start with the same words.
        foreach (var given in new[] { "scheduler", "Rust", "rust scheduler" })
        {
            var keywords = Assert.Single(KeywordPadding.Pad([Scored(Kernel, given)], [Kernel, Postgres])).Keywords;

            Assert.Equal(2, keywords.Count);
            Assert.Equal(keywords.Count, keywords.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Empty(keywords[1].Split(' ').Intersect(given.Split(' '), StringComparer.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void A_text_too_thin_for_terms_still_gets_a_second_keyword_that_is_not_the_first()
    {
        var thin = A(3, "A", "");

        var keywords = Assert.Single(KeywordPadding.Pad([Scored(thin, "engineering")], [thin])).Keywords;

        Assert.Equal(["engineering", "blog.example.com"], keywords);
    }

    [Fact]
    public void Assessments_with_two_or_more_keywords_are_left_as_they_are()
    {
        var full = Scored(Kernel, "rust", "linux kernel", "scheduler");
        var two = Scored(Postgres, "postgres", "async io");

        var padded = KeywordPadding.Pad([full, two], [Kernel, Postgres]);

        Assert.Same(full, padded[0]);
        Assert.Same(two, padded[1]);
    }

    [Fact]
    public void Only_the_keywords_change()
    {
        var one = Scored(Postgres, "postgres");

        var padded = Assert.Single(KeywordPadding.Pad([one], [Kernel, Postgres]));

        Assert.Equal(one with { Keywords = padded.Keywords }, padded);
        Assert.Equal(2, padded.Keywords.Count);
    }
}
