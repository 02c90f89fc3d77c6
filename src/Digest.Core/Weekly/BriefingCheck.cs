using System.Text.RegularExpressions;
using Digest.Core.Editions;
using Digest.Core.Rendering;

namespace Digest.Core.Weekly;

/// <summary>
/// Checks a writer's answer against the week's material and <see cref="BriefingRules"/>: a section is kept only when
/// every entry cites an article of the material that the section may cite, no article is told twice, its text is
/// there and within its length, and it has enough entries. What fails is missing, to be written again.
/// </summary>
public static partial class BriefingCheck
{
    /// <summary>
    /// <paramref name="kept"/> with the sections of <paramref name="answer"/> that hold added (a kept section is never
    /// replaced: a retry only fills gaps, and the articles kept sections cite stay theirs).
    /// </summary>
    public static BriefingDraft Keep(BriefingDraft answer, WeeklyMaterial material, BriefingDraft? kept = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(material);
        kept ??= new BriefingDraft();
        var items = material.All.GroupBy(i => i.ArticleId).ToDictionary(g => g.Key, g => g.First());
        var used = new HashSet<long>(Told(kept));
        var stories = Ids(material.Stories.Concat(material.Papers));
        var episodes = Ids(material.Episodes);
        var papers = Ids(material.Papers);
        var reading = Ids(material.Coverage.Concat(material.Stories));

        // In the sample's order, so an article goes to the first section that tells it.
        var watch = kept.WatchAndListen ?? Entries<BriefingEpisode>(BriefingSection.WatchAndListen, answer.WatchAndListen, e => e.ArticleId, episodes, used, material, e => e);
        var big = kept.BigStory ?? First(Entries<BriefingStory>(
            BriefingSection.BigStory,
            answer.BigStory is null ? null : [answer.BigStory],
            s => s.ArticleId,
            stories,
            used,
            material,
            s => Paragraph(s.WhatHappened) is { } what && Paragraph(s.WhyItMatters) is { } why ? s with { WhatHappened = what, WhyItMatters = why } : null));
        var also = kept.AlsoThisWeek ?? Entries<BriefingStory>(BriefingSection.AlsoThisWeek, answer.AlsoThisWeek, s => s.ArticleId, stories, used, material,
            s => Paragraph(s.WhyItMatters) is { } why ? new BriefingStory(s.ArticleId, string.Empty, why) : null);
        var lab = kept.FromTheLab ?? Entries<BriefingPaper>(BriefingSection.FromTheLab, answer.FromTheLab, p => p.ArticleId, papers, used, material,
            p => Paragraph(p.Analysis) is { } analysis ? new BriefingPaper(p.ArticleId, ArxivId(items[p.ArticleId].Url), analysis) : null);
        var worth = kept.WorthReading ?? Entries<BriefingReading>(BriefingSection.WorthReading, answer.WorthReading, r => r.ArticleId, reading, used, material,
            r => Sentence(r.Note) is { } note ? r with { Note = note } : null);

        return new BriefingDraft(
            kept.Thesis ?? Claim(answer.Thesis, items, BriefingRules.MaxThesisChars),
            watch,
            kept.Takeaways ?? Takeaways(answer.Takeaways, items, material),
            big,
            also,
            lab,
            worth,
            kept.Signal ?? Claim(answer.Signal, items, BriefingRules.MaxSentenceChars));
    }

    /// <summary>The sections a draft still lacks, in the sample's order.</summary>
    public static IReadOnlySet<BriefingSection> Missing(BriefingDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var missing = new SortedSet<BriefingSection>();
        Add(draft.Thesis is null, BriefingSection.Thesis);
        Add(draft.WatchAndListen is null, BriefingSection.WatchAndListen);
        Add(draft.Takeaways is null, BriefingSection.Takeaways);
        Add(draft.BigStory is null, BriefingSection.BigStory);
        Add(draft.AlsoThisWeek is null, BriefingSection.AlsoThisWeek);
        Add(draft.FromTheLab is null, BriefingSection.FromTheLab);
        Add(draft.WorthReading is null, BriefingSection.WorthReading);
        Add(draft.Signal is null, BriefingSection.Signal);
        return missing;

        void Add(bool absent, BriefingSection section)
        {
            if (absent)
            {
                missing.Add(section);
            }
        }
    }

    /// <summary>The arXiv id a paper's link carries ("2604.01411"), or null.</summary>
    public static string? ArxivId(string url) =>
        url is not null && ArxivLink().Match(url) is { Success: true } match ? match.Groups["id"].Value : null;

    /// <summary>The articles a draft's story-like sections already tell, which no other section may tell again.</summary>
    public static IReadOnlySet<long> Told(BriefingDraft draft) =>
        (draft.WatchAndListen?.Select(e => e.ArticleId) ?? [])
            .Concat(draft.BigStory is { } big ? [big.ArticleId] : [])
            .Concat(draft.AlsoThisWeek?.Select(s => s.ArticleId) ?? [])
            .Concat(draft.FromTheLab?.Select(p => p.ArticleId) ?? [])
            .Concat(draft.WorthReading?.Select(r => r.ArticleId) ?? []).ToHashSet();

    private static IReadOnlyList<T>? Entries<T>(
        BriefingSection section,
        IReadOnlyList<T>? answer,
        Func<T, long> articleOf,
        HashSet<long> allowed,
        HashSet<long> used,
        WeeklyMaterial material,
        Func<T, T?> clean)
        where T : class
    {
        if (answer is null)
        {
            return null;
        }
        var (min, max) = BriefingRules.Count(section, material);
        // Earlier sections may have told what this one could cite: it needs no more entries than are left to it.
        min = Math.Min(min, allowed.Count(id => !used.Contains(id)));
        var taken = new List<T>();
        foreach (var entry in answer)
        {
            if (entry is null || taken.Count == max)
            {
                continue;
            }
            var id = articleOf(entry);
            if (!allowed.Contains(id) || used.Contains(id) || taken.Any(t => articleOf(t) == id) || clean(entry) is not { } cleaned)
            {
                continue;
            }
            taken.Add(cleaned);
        }
        if (taken.Count < min)
        {
            return null;
        }
        used.UnionWith(taken.Select(articleOf));
        return taken;
    }

    private static IReadOnlyList<BriefingClaim>? Takeaways(IReadOnlyList<BriefingClaim>? answer, Dictionary<long, EditionItem> items, WeeklyMaterial material)
    {
        if (answer is null)
        {
            return null;
        }
        var (min, max) = BriefingRules.Count(BriefingSection.Takeaways, material);
        var taken = answer
            .Select(t => Claim(t, items, BriefingRules.MaxTakeawayChars))
            .OfType<BriefingClaim>()
            .DistinctBy(t => t.Text, StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .ToList();
        return taken.Count < min ? null : taken;
    }

    /// <summary>A claim on one line, within its length, citing only the material (at least one article of it).</summary>
    private static BriefingClaim? Claim(BriefingClaim? claim, Dictionary<long, EditionItem> items, int maxChars)
    {
        if (claim?.Text is not { } text || claim.ArticleIds is null)
        {
            return null;
        }
        var cited = claim.ArticleIds.Where(items.ContainsKey).Distinct().ToList();
        var line = Clean(text, maxChars);
        return line is null || cited.Count == 0 ? null : new BriefingClaim(line, cited);
    }

    private static string? Paragraph(string? text) => Clean(text, BriefingRules.MaxParagraphChars);

    private static string? Sentence(string? text) => Clean(text, BriefingRules.MaxSentenceChars);

    /// <summary>
    /// One line, without the list marks and arrows a writer may add (the renderers add their own), within the length.
    /// Text that runs over is refused rather than cut: a clipped sentence would read as the editor's mistake.
    /// </summary>
    private static string? Clean(string? text, int maxChars)
    {
        var line = ItemText.OneLine(text);
        line = LeadingMarks().Replace(line, string.Empty).Trim();
        return line.Length == 0 || line.Length > maxChars ? null : line;
    }

    private static BriefingStory? First(IReadOnlyList<BriefingStory>? stories) => stories is { Count: > 0 } ? stories[0] : null;

    private static HashSet<long> Ids(IEnumerable<EditionItem> items) => items.Select(i => i.ArticleId).ToHashSet();

    [GeneratedRegex(@"^(?:[-*•]\s+|→\s*|->\s*|\d+[.)]\s+)+")]
    private static partial Regex LeadingMarks();

    [GeneratedRegex(@"arxiv\.org/(?:abs|pdf|html)/(?<id>\d{4}\.\d{4,5})", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivLink();
}
