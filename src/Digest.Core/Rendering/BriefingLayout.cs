using System.Text;
using Digest.Core.Editions;
using Digest.Core.Weekly;

namespace Digest.Core.Rendering;

/// <summary>
/// The order every renderer lays the weekly briefing out in, as blocks where a message may end: the header (with the
/// offline note), the thesis, Watch &amp; Listen, Key Takeaways, the Big Story, Also This Week, From the Lab, Worth
/// Reading, the week's signal and the footer. What each line says (and that a quiet section keeps its heading and says
/// so) is decided here once; each platform only says how a heading, a link, emphasis and a bullet look.
/// </summary>
public abstract class BriefingLayout
{
    public IEnumerable<string> Build(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var briefing = edition.Briefing ?? throw new ArgumentException("Only a weekly edition carries a briefing.", nameof(edition));
        // The items are exactly what the briefing cites; an entry whose item is missing is left out rather than guessed.
        var items = edition.Items.DistinctBy(i => i.ArticleId).ToDictionary(i => i.ArticleId);

        yield return Header(briefing);
        if (ItemText.OneLine(briefing.Thesis.Text) is { Length: > 0 } thesis)
        {
            yield return Plain(thesis);
        }
        foreach (var block in Sections(briefing, items))
        {
            yield return block;
        }
        if (ItemText.OneLine(briefing.Signal.Text) is { Length: > 0 } signal)
        {
            yield return Strong(Plain(BriefingText.SignalLead.TrimEnd())) + Plain(" " + signal);
        }
        yield return SmallPrint(BriefingText.Footer(edition));
    }

    /// <summary>Between the lines of one entry: a story's title line and its "→" line.</summary>
    protected abstract string EntryBreak { get; }

    /// <summary>
    /// The longest a block of list lines may grow before the list goes on in the next block; a platform that counts
    /// markup against its message limit says how much room a block has.
    /// </summary>
    protected virtual int MaxListBlock => int.MaxValue;

    /// <summary>The briefing's title line, escaped like any text.</summary>
    protected abstract string Title(string text);

    /// <summary>A section's heading, ending where its first entry begins.</summary>
    protected abstract string Heading(string text);

    /// <summary>A short remark in place of a section's entries (a quiet week).</summary>
    protected abstract string Note(string text);

    /// <summary>A caution under the title (the offline note).</summary>
    protected abstract string Aside(string text);

    /// <summary>The footer's small print.</summary>
    protected abstract string SmallPrint(string text);

    /// <summary>Untrusted text, escaped, linked when the URL is safe.</summary>
    protected abstract string Link(string text, string url);

    /// <summary>Untrusted text, escaped for the platform.</summary>
    protected abstract string Plain(string text);

    /// <summary>Markup this layout already built, emphasized.</summary>
    protected abstract string Strong(string markup);

    /// <summary>Markup this layout already built, as one line of a bulleted list.</summary>
    protected abstract string Bullet(string markup);

    /// <summary>The sections between the thesis and the signal, each with its heading even when it has no entry.</summary>
    private IEnumerable<string> Sections(WeeklyBriefing b, Dictionary<long, EditionItem> items) =>
        List(BriefingSection.WatchAndListen, Resolve(b.WatchAndListen, e => e.ArticleId, items).Select(e => Episode(e.Item)))
            .Concat(List(BriefingSection.Takeaways, b.Takeaways.Select(t => Takeaway(t, items)).OfType<string>()))
            .Concat(Entries(BriefingSection.BigStory, Resolve([b.BigStory], s => s.ArticleId, items)
                .Select(s => Story(s.Item, BriefingText.LongDate(s.Item.PublishedAt), s.Entry.WhyItMatters, s.Entry.WhatHappened))))
            .Concat(Entries(BriefingSection.AlsoThisWeek, Resolve(b.AlsoThisWeek, s => s.ArticleId, items)
                .Select(s => Story(s.Item, BriefingText.ShortDate(s.Item.PublishedAt), s.Entry.WhyItMatters))))
            .Concat(Entries(BriefingSection.FromTheLab, Resolve(b.FromTheLab, p => p.ArticleId, items).Select(p => Paper(p.Entry, p.Item))))
            .Concat(List(BriefingSection.WorthReading, Resolve(b.WorthReading, r => r.ArticleId, items).Select(r => Reading(r.Entry, r.Item))));

    private string Header(WeeklyBriefing briefing)
    {
        var title = Title(BriefingText.TitleWithWeek(briefing));
        return BriefingText.OfflineNote(briefing) is { } note ? title + EntryBreak + Aside(note) : title;
    }

    /// <summary>A list section: its lines packed into as few blocks as fit, the heading with the first.</summary>
    private IEnumerable<string> List(BriefingSection section, IEnumerable<string> lines)
    {
        var block = new StringBuilder(Heading(BriefingText.Heading(section)));
        var hasLine = false;
        foreach (var line in lines)
        {
            if (hasLine && block.Length + 1 + line.Length > MaxListBlock)
            {
                yield return block.ToString();
                block.Clear();
                hasLine = false;
            }
            block.Append(hasLine ? "\n" : string.Empty).Append(line);
            hasLine = true;
        }
        yield return hasLine ? block.ToString() : block.Append(Note(BriefingText.Empty(section))).ToString();
    }

    /// <summary>A section of entries, a block each, so a long one splits between entries; the heading with the first.</summary>
    private IEnumerable<string> Entries(BriefingSection section, IEnumerable<string> entries)
    {
        var heading = Heading(BriefingText.Heading(section));
        foreach (var entry in entries)
        {
            yield return heading + entry;
            heading = string.Empty;
        }
        if (heading.Length > 0)
        {
            yield return heading + Note(BriefingText.Empty(section));
        }
    }

    /// <summary>"Show — Episode (Show, Apr 15 · 1h 12m)", the episode's title linked.</summary>
    private string Episode(EditionItem item) =>
        Bullet(Plain(BriefingText.Source(item) + BriefingText.Dash) + Link(ItemText.LinkText(item), item.Url) + Plain($" ({BriefingText.EpisodeFacts(item)})"));

    /// <summary>The takeaway, then the articles it rests on, each as its source's name linked.</summary>
    private string? Takeaway(BriefingClaim claim, Dictionary<long, EditionItem> items)
    {
        var text = ItemText.OneLine(claim.Text);
        if (text.Length == 0)
        {
            return null;
        }
        var cited = claim.ArticleIds.Distinct().Where(items.ContainsKey).Select(id => items[id]).ToList();
        var links = string.Join(Plain(", "), cited.Select(i => Link(BriefingText.Source(i), i.Url)));
        return Bullet(cited.Count == 0 ? Plain(text) : Plain(text + " (") + links + Plain(")"));
    }

    /// <summary>
    /// The title line, then (for the big story) what happened, then the "→" line: one block, so why a story matters
    /// never opens a message on its own.
    /// </summary>
    private string Story(EditionItem item, string date, string whyItMatters, string whatHappened = "")
    {
        var line = StoryLine(item, date);
        if (ItemText.OneLine(whatHappened) is { Length: > 0 } what)
        {
            line += EntryBreak + Plain(what);
        }
        return Why(whyItMatters) is { } why ? line + EntryBreak + why : line;
    }

    /// <summary>The quoted title linked, then its arXiv id when it has one, else its source; then the analysis.</summary>
    private string Paper(BriefingPaper paper, EditionItem item)
    {
        var origin = string.IsNullOrWhiteSpace(paper.ArxivId) ? BriefingText.Source(item) : BriefingText.Arxiv(paper.ArxivId);
        var line = Strong(Plain("\"") + Link(ItemText.LinkText(item), item.Url) + Plain("\"")) + Plain(ItemText.Separator + origin);
        return Why(paper.Analysis) is { } analysis ? line + EntryBreak + analysis : line;
    }

    /// <summary>"Source — linked title — note".</summary>
    private string Reading(BriefingReading reading, EditionItem item)
    {
        var note = ItemText.OneLine(reading.Note);
        var line = Plain(BriefingText.Source(item) + BriefingText.Dash) + Link(ItemText.LinkText(item), item.Url);
        return Bullet(note.Length > 0 ? line + Plain(BriefingText.Dash + note) : line);
    }

    /// <summary>"Linked title · date · source".</summary>
    private string StoryLine(EditionItem item, string date) =>
        Strong(Link(ItemText.LinkText(item), item.Url)) + Plain(ItemText.Separator + date + ItemText.Separator + BriefingText.Source(item));

    private string? Why(string text) => ItemText.OneLine(text) is { Length: > 0 } why ? Plain(BriefingText.Arrow + why) : null;

    private static IEnumerable<(T Entry, EditionItem Item)> Resolve<T>(IEnumerable<T> entries, Func<T, long> articleId, Dictionary<long, EditionItem> items)
    {
        foreach (var entry in entries)
        {
            if (items.TryGetValue(articleId(entry), out var item))
            {
                yield return (entry, item);
            }
        }
    }
}
