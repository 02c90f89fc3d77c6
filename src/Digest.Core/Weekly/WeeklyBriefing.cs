namespace Digest.Core.Weekly;

/// <summary>
/// The weekly briefing's sections, in the sample's order. Every entry cites the edition's items by article id; the
/// words are the editor's (the LLM's, or extractive text when assessed offline), the facts (titles, sources, dates,
/// links) always the stored articles'.
/// </summary>
/// <param name="WeekStart">The first local day the briefing covers.</param>
/// <param name="WeekEnd">The last local day it covers (the day it was composed).</param>
/// <param name="OfflineSections">Sections the LLM did not write (none configured, or its answer lacked them twice).</param>
public sealed record WeeklyBriefing(
    DateOnly WeekStart,
    DateOnly WeekEnd,
    BriefingClaim Thesis,
    IReadOnlyList<BriefingEpisode> WatchAndListen,
    IReadOnlyList<BriefingClaim> Takeaways,
    BriefingStory BigStory,
    IReadOnlyList<BriefingStory> AlsoThisWeek,
    IReadOnlyList<BriefingPaper> FromTheLab,
    IReadOnlyList<BriefingReading> WorthReading,
    BriefingClaim Signal,
    IReadOnlyList<BriefingSection> OfflineSections)
{
    /// <summary>Every article id the briefing cites, each once, in the order a reader meets them.</summary>
    public IEnumerable<long> Cited() =>
        Thesis.ArticleIds
            .Concat(WatchAndListen.Select(e => e.ArticleId))
            .Concat(Takeaways.SelectMany(t => t.ArticleIds))
            .Append(BigStory.ArticleId)
            .Concat(AlsoThisWeek.Select(s => s.ArticleId))
            .Concat(FromTheLab.Select(p => p.ArticleId))
            .Concat(WorthReading.Select(r => r.ArticleId))
            .Concat(Signal.ArticleIds)
            .Distinct();
}

/// <summary>The briefing's sections, in the sample's order.</summary>
public enum BriefingSection
{
    Thesis,
    WatchAndListen,
    Takeaways,
    BigStory,
    AlsoThisWeek,
    FromTheLab,
    WorthReading,
    Signal,
}

/// <summary>A sentence or paragraph and the articles it rests on.</summary>
public sealed record BriefingClaim(string Text, IReadOnlyList<long> ArticleIds);

/// <summary>A podcast or video episode: show, title, date and length come from its item.</summary>
public sealed record BriefingEpisode(long ArticleId);

/// <summary>
/// A story of the week: what happened (the big story only; empty for "Also this week") and, after "→", why it
/// matters.
/// </summary>
public sealed record BriefingStory(long ArticleId, string WhatHappened, string WhyItMatters);

/// <summary>A paper or lab post, with its arXiv id when its link has one.</summary>
public sealed record BriefingPaper(long ArticleId, string? ArxivId, string Analysis);

/// <summary>Another outlet's piece worth the reader's time, and what makes it so.</summary>
public sealed record BriefingReading(long ArticleId, string Note);
