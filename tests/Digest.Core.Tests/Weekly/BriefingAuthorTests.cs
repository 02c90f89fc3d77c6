using Digest.Core.Weekly;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Core.Tests.Weekly;

public sealed class BriefingAuthorTests
{
    [Fact]
    public async Task A_partial_answer_is_asked_again_for_only_what_it_lacked()
    {
        var writer = new ScriptedWriter(
            WeekOfItems.Valid() with { Takeaways = null, Signal = null },
            WeekOfItems.Valid());

        var briefing = await Author(writer).WriteAsync(WeekOfItems.Material(), CancellationToken.None);

        Assert.Equal(2, writer.Asked.Count);
        Assert.Equal(BriefingRules.Every, writer.Asked[0]);
        Assert.Equal([BriefingSection.Takeaways, BriefingSection.Signal], writer.Asked[1]);
        Assert.Empty(briefing.OfflineSections);
        Assert.Equal(5, briefing.Takeaways.Count);
    }

    [Fact]
    public async Task What_the_retry_still_lacks_is_written_offline_and_named()
    {
        var writer = new ScriptedWriter(
            WeekOfItems.Valid() with { WatchAndListen = null, AlsoThisWeek = null },
            new BriefingDraft(AlsoThisWeek: [new BriefingStory(99999, string.Empty, "Cites nothing of the week.")]));

        var briefing = await Author(writer).WriteAsync(WeekOfItems.Material(), CancellationToken.None);

        Assert.Equal([BriefingSection.WatchAndListen, BriefingSection.AlsoThisWeek], briefing.OfflineSections);
        Assert.InRange(briefing.WatchAndListen.Count, BriefingRules.MinEpisodes, BriefingRules.MaxEpisodes);
        Assert.InRange(briefing.AlsoThisWeek.Count, BriefingRules.MinAlso, BriefingRules.MaxAlso);
        // The LLM's kept sections stay as written.
        Assert.Equal("Why story 1 matters.", briefing.BigStory.WhyItMatters);
        AssertToldOnce(briefing);
    }

    [Fact]
    public async Task A_failing_writer_leaves_the_whole_briefing_to_the_offline_writer()
    {
        var writer = new ScriptedWriter();

        var briefing = await Author(writer).WriteAsync(WeekOfItems.Material(), CancellationToken.None);

        Assert.Equal(BriefingRules.Every, briefing.OfflineSections.ToHashSet());
        Assert.Equal(2, writer.Asked.Count);
        AssertToldOnce(briefing);
        var cited = briefing.Cited().ToHashSet();
        Assert.Subset(WeekOfItems.Material().All.Select(i => i.ArticleId).ToHashSet(), cited);
    }

    [Fact]
    public async Task Offline_only_writes_every_section_of_a_full_week_without_asking_anyone()
    {
        var offline = new OfflineBriefingWriter();
        var author = new BriefingAuthor(offline, offline, NullLogger<BriefingAuthor>.Instance);

        var briefing = await author.WriteAsync(WeekOfItems.Material(), CancellationToken.None);

        Assert.Equal(BriefingRules.Every, briefing.OfflineSections.ToHashSet());
        Assert.Equal(BriefingRules.Takeaways, briefing.Takeaways.Count);
        Assert.Equal(BriefingRules.WorthReading, briefing.WorthReading.Count);
        Assert.Equal(1, briefing.BigStory.ArticleId);
        Assert.NotEmpty(briefing.BigStory.WhatHappened);
        Assert.All(briefing.FromTheLab, p => Assert.NotNull(p.ArxivId));
        AssertToldOnce(briefing);
    }

    [Fact]
    public async Task A_week_without_episodes_or_papers_still_has_those_sections_empty_not_missing()
    {
        var offline = new OfflineBriefingWriter();
        var author = new BriefingAuthor(offline, offline, NullLogger<BriefingAuthor>.Instance);

        var briefing = await author.WriteAsync(WeekOfItems.Material(stories: 3, coverage: 0, episodes: 0, papers: 0), CancellationToken.None);

        Assert.Empty(briefing.WatchAndListen);
        Assert.Empty(briefing.FromTheLab);
        Assert.Equal(2, briefing.AlsoThisWeek.Count);
        // Three articles make three takeaways, not five with repeats.
        Assert.Equal(3, briefing.Takeaways.Count);
        Assert.Empty(briefing.WorthReading);
    }

    private static BriefingAuthor Author(IBriefingWriter writer) =>
        new(writer, new OfflineBriefingWriter(), NullLogger<BriefingAuthor>.Instance);

    private static void AssertToldOnce(WeeklyBriefing briefing)
    {
        var told = briefing.WatchAndListen.Select(e => e.ArticleId)
            .Append(briefing.BigStory.ArticleId)
            .Concat(briefing.AlsoThisWeek.Select(s => s.ArticleId))
            .Concat(briefing.FromTheLab.Select(p => p.ArticleId))
            .Concat(briefing.WorthReading.Select(r => r.ArticleId))
            .ToList();
        Assert.Equal(told.Count, told.Distinct().Count());
    }

    /// <summary>Answers in turn with the given drafts; with none left, fails like a model that timed out.</summary>
    private sealed class ScriptedWriter(params BriefingDraft[] answers) : IBriefingWriter
    {
        private int _next;

        public List<IReadOnlySet<BriefingSection>> Asked { get; } = [];

        public string ModelId => "scripted";

        public Task<BriefingDraft> WriteAsync(WeeklyMaterial material, IReadOnlySet<BriefingSection> sections, CancellationToken ct)
        {
            Asked.Add(sections.ToHashSet());
            return _next < answers.Length
                ? Task.FromResult(answers[_next++])
                : Task.FromException<BriefingDraft>(new TimeoutException("The model did not answer in time."));
        }
    }
}
