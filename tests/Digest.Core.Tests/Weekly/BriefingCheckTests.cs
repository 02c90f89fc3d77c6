using Digest.Core.Weekly;

namespace Digest.Core.Tests.Weekly;

public sealed class BriefingCheckTests
{
    [Fact]
    public void An_answer_that_holds_is_kept_whole()
    {
        var kept = BriefingCheck.Keep(WeekOfItems.Valid(), WeekOfItems.Material());

        Assert.Empty(BriefingCheck.Missing(kept));
        Assert.Equal(1, kept.BigStory!.ArticleId);
        Assert.Equal("2611.00041", kept.FromTheLab![0].ArxivId);
    }

    [Fact]
    public void A_section_citing_an_article_outside_the_week_is_missing_and_the_rest_kept()
    {
        var answer = WeekOfItems.Valid() with { BigStory = new BriefingStory(99999, "Injected.", "Injected.") };

        var kept = BriefingCheck.Keep(answer, WeekOfItems.Material());

        Assert.Equal([BriefingSection.BigStory], BriefingCheck.Missing(kept));
        Assert.NotNull(kept.AlsoThisWeek);
    }

    [Fact]
    public void Claims_keep_only_the_week_s_citations_and_need_one()
    {
        var answer = WeekOfItems.Valid() with
        {
            Thesis = new BriefingClaim("A thesis.", [1, 99999]),
            Signal = new BriefingClaim("A signal.", [99999]),
        };

        var kept = BriefingCheck.Keep(answer, WeekOfItems.Material());

        Assert.Equal([1L], kept.Thesis!.ArticleIds);
        Assert.Null(kept.Signal);
    }

    [Fact]
    public void An_article_is_told_once_a_section_short_of_entries_for_it_is_missing()
    {
        // The big story also appears in "Also this week": dropped there, which leaves three of the four needed.
        var answer = WeekOfItems.Valid() with
        {
            AlsoThisWeek = [.. new long[] { 1, 2, 3, 4 }.Select(i => new BriefingStory(i, string.Empty, $"Analysis {i}."))],
        };

        var kept = BriefingCheck.Keep(answer, WeekOfItems.Material());

        Assert.Equal([BriefingSection.AlsoThisWeek], BriefingCheck.Missing(kept));
    }

    [Fact]
    public void Sections_cite_only_their_kind_of_material()
    {
        // A news story offered as an episode, and an episode offered as a paper.
        var answer = WeekOfItems.Valid() with
        {
            WatchAndListen = [new BriefingEpisode(31), new BriefingEpisode(7)],
            FromTheLab = [new BriefingPaper(32, null, "Not a paper.")],
        };

        var kept = BriefingCheck.Keep(answer, WeekOfItems.Material());

        Assert.Equal([BriefingSection.WatchAndListen, BriefingSection.FromTheLab], BriefingCheck.Missing(kept));
    }

    [Fact]
    public void Four_takeaways_or_an_overlong_one_are_not_five()
    {
        var four = WeekOfItems.Valid() with { Takeaways = [.. WeekOfItems.Valid().Takeaways!.Take(4)] };
        var overlong = WeekOfItems.Valid() with
        {
            Takeaways = [.. WeekOfItems.Valid().Takeaways!.Take(4), new BriefingClaim(new string('x', BriefingRules.MaxTakeawayChars + 1), [1])],
        };

        Assert.Contains(BriefingSection.Takeaways, BriefingCheck.Missing(BriefingCheck.Keep(four, WeekOfItems.Material())));
        Assert.Contains(BriefingSection.Takeaways, BriefingCheck.Missing(BriefingCheck.Keep(overlong, WeekOfItems.Material())));
    }

    [Fact]
    public void Marks_the_renderers_add_themselves_are_taken_off_and_text_is_one_line()
    {
        var answer = WeekOfItems.Valid() with { BigStory = new BriefingStory(1, "What\nhappened.", "→ Why it\n matters.") };

        var kept = BriefingCheck.Keep(answer, WeekOfItems.Material());

        Assert.Equal("What happened.", kept.BigStory!.WhatHappened);
        Assert.Equal("Why it matters.", kept.BigStory.WhyItMatters);
    }

    [Fact]
    public void A_retry_fills_gaps_and_never_replaces_or_reuses_what_was_kept()
    {
        var material = WeekOfItems.Material();
        var first = BriefingCheck.Keep(WeekOfItems.Valid() with { AlsoThisWeek = null }, material);
        var retry = new BriefingDraft(
            BigStory: new BriefingStory(9, "Another big story.", "Another why."),
            AlsoThisWeek: [.. new long[] { 1, 6, 7, 8, 9 }.Select(i => new BriefingStory(i, string.Empty, $"Analysis {i}."))]);

        var kept = BriefingCheck.Keep(retry, material, first);

        Assert.Empty(BriefingCheck.Missing(kept));
        Assert.Equal(1, kept.BigStory!.ArticleId);
        Assert.Equal([6L, 7, 8, 9], kept.AlsoThisWeek!.Select(s => s.ArticleId));
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2604.01411", "2604.01411")]
    [InlineData("https://arxiv.org/pdf/2507.14805v2", "2507.14805")]
    [InlineData("https://www.anthropic.com/research/subliminal", null)]
    public void Arxiv_ids_come_from_the_link(string url, string? id) => Assert.Equal(id, BriefingCheck.ArxivId(url));
}
