using System.Globalization;
using Digest.Core.Articles;
using Digest.Core.Assessing.Offline;
using Digest.Core.Editions;
using Digest.Core.Rendering;

namespace Digest.Core.Weekly;

/// <summary>
/// Writes every section without an LLM, from the ranking and the stored write-ups: the best stories in order, their
/// own summaries' sentences as the text. Plain, never wrong about what the articles say, and marked as assessed offline.
/// </summary>
public sealed class OfflineBriefingWriter : IBriefingWriter
{
    public const string ModelName = "offline";

    public string ModelId => ModelName;

    public Task<BriefingDraft> WriteAsync(WeeklyMaterial material, IReadOnlySet<BriefingSection> sections, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(material);
        return Task.FromResult(Write(material));
    }

    /// <summary>Every section, each article told once, in the sample's order of claiming them.</summary>
    public static BriefingDraft Write(WeeklyMaterial material)
    {
        ArgumentNullException.ThrowIfNull(material);
        var used = new HashSet<long>();
        var stories = material.Stories.Concat(material.Papers.Where(p => !material.Stories.Contains(p))).ToList();

        var watch = Take(material.Episodes, BriefingSection.WatchAndListen, material, used).Select(e => new BriefingEpisode(e.ArticleId)).ToList();
        // The lab's papers are claimed before the stories, so a week of few papers still fills "From the Lab".
        var papers = Take(material.Papers, BriefingSection.FromTheLab, material, used);
        var big0 = Take(stories, BriefingSection.BigStory, material, used);
        // "Also this week" leaves stories for "Worth Reading" when other outlets' coverage cannot fill it alone.
        var (minAlso, maxAlso) = BriefingRules.Count(BriefingSection.AlsoThisWeek, material);
        var left = stories.Count(s => !used.Contains(s.ArticleId));
        var alsoCount = Math.Clamp(left - Math.Max(0, BriefingRules.WorthReading - material.Coverage.Count), minAlso, maxAlso);
        var ranked = big0.Concat(Take(stories, BriefingSection.AlsoThisWeek, material, used, alsoCount)).ToList();
        var big = ranked.FirstOrDefault();
        var also = ranked.Skip(1).ToList();
        var reading = Take(material.Coverage.Concat(material.Stories), BriefingSection.WorthReading, material, used);
        var leads = ranked.Concat(papers).Concat(watch.Select(w => material.All.First(i => i.ArticleId == w.ArticleId))).ToList();

        return new BriefingDraft(
            Thesis(ranked),
            watch,
            Takeaways(leads, material),
            big is null ? null : new BriefingStory(big.ArticleId, Sentences(big.Summary, BriefingRules.MaxParagraphChars), WhyItMatters(big)),
            also.Select(s => new BriefingStory(s.ArticleId, string.Empty, Sentences(s.Summary, BriefingRules.MaxParagraphChars / 2))).ToList(),
            papers.Select(p => new BriefingPaper(p.ArticleId, BriefingCheck.ArxivId(p.Url), Sentences(p.Summary, BriefingRules.MaxParagraphChars / 2))).ToList(),
            reading.Select(r => new BriefingReading(r.ArticleId, Note(r, material))).ToList(),
            Signal(ranked));
    }

    /// <summary>As many unused items as the section wants (at most its maximum), best first.</summary>
    private static List<EditionItem> Take(IEnumerable<EditionItem> candidates, BriefingSection section, WeeklyMaterial material, HashSet<long> used, int? most = null)
    {
        var max = most ?? BriefingRules.Count(section, material).Max;
        var taken = candidates.Where(c => !used.Contains(c.ArticleId)).DistinctBy(c => c.ArticleId).Take(max).ToList();
        used.UnionWith(taken.Select(t => t.ArticleId));
        return taken;
    }

    private static BriefingClaim? Thesis(IReadOnlyList<EditionItem> ranked)
    {
        if (ranked.Count == 0)
        {
            return null;
        }
        var lead = ranked[0];
        var themes = ranked.Take(6).GroupBy(s => s.Category).OrderByDescending(g => g.Count()).Take(2).Select(g => g.Key.Label()).ToList();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"The week's most covered story: {ItemText.LinkText(lead)} ({Sources(lead)}). Most of the rest was about {string.Join(" and ", themes)}. ")
            + Sentences(lead.Summary, BriefingRules.MaxThesisChars / 2);
        return new BriefingClaim(Clip(text, BriefingRules.MaxThesisChars), ranked.Take(3).Select(s => s.ArticleId).ToList());
    }

    /// <summary>One line per lead: its first sentence, with where it comes from.</summary>
    private static List<BriefingClaim> Takeaways(IReadOnlyList<EditionItem> leads, WeeklyMaterial material)
    {
        var (_, max) = BriefingRules.Count(BriefingSection.Takeaways, material);
        // A quiet week with fewer leads than takeaways also reads its other coverage.
        return leads.Concat(material.All)
            .DistinctBy(i => i.ArticleId)
            .Select(i => new BriefingClaim(Clip($"{ItemText.LinkText(i)}: {FirstSentence(i.Summary)}", BriefingRules.MaxTakeawayChars), [i.ArticleId]))
            .DistinctBy(t => t.Text, StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .ToList();
    }

    private static string WhyItMatters(EditionItem story)
    {
        var why = ItemText.OneLine(story.WhyRead);
        var coverage = story.AlsoCoveredBy.Count > 0 ? $" Covered by {Sources(story)}." : string.Empty;
        return Clip((why.Length > 0 ? why : ItemText.LinkText(story)) + coverage, BriefingRules.MaxParagraphChars);
    }

    private static string Note(EditionItem reading, WeeklyMaterial material)
    {
        var story = material.Stories.FirstOrDefault(s => s.StoryId != 0 && s.StoryId == reading.StoryId && s.ArticleId != reading.ArticleId);
        var text = story is null ? Sentences(reading.Summary, BriefingRules.MaxSentenceChars) : $"{ItemText.OneLine(reading.Source)}'s take on {ItemText.LinkText(story)}";
        return Clip(text.Length > 0 ? text : ItemText.LinkText(reading), BriefingRules.MaxSentenceChars);
    }

    private static BriefingClaim? Signal(IReadOnlyList<EditionItem> ranked)
    {
        if (ranked.Count == 0)
        {
            return null;
        }
        var top = ranked.GroupBy(s => s.Category).OrderByDescending(g => g.Count()).First();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{top.Count()} of the week's {ranked.Count} leading stories were about {top.Key.Label()}, led by {ItemText.LinkText(top.First())}.");
        return new BriefingClaim(Clip(text, BriefingRules.MaxSentenceChars), top.Take(3).Select(s => s.ArticleId).ToList());
    }

    private static string Sources(EditionItem story) =>
        story.AlsoCoveredBy.Count == 0
            ? ItemText.OneLine(story.Source)
            : string.Create(CultureInfo.InvariantCulture, $"{story.AlsoCoveredBy.Count + 1} sources");

    /// <summary>A takeaway is one line: the summary's first sentence.</summary>
    private static string FirstSentence(string text) =>
        Tokenizer.Sentences(ItemText.OneLine(text)) is [var first, ..] ? first : ItemText.OneLine(text);

    /// <summary>Whole sentences of the summary, as many as fit; the first one cut at a word when it alone is too long.</summary>
    private static string Sentences(string text, int maxChars)
    {
        var kept = new List<string>();
        var length = 0;
        foreach (var sentence in Tokenizer.Sentences(ItemText.OneLine(text)))
        {
            if (length + sentence.Length + 1 > maxChars)
            {
                break;
            }
            kept.Add(sentence);
            length += sentence.Length + 1;
        }
        return kept.Count > 0 ? string.Join(' ', kept) : Clip(ItemText.OneLine(text), maxChars);
    }

    private static string Clip(string text, int maxChars)
    {
        var line = ItemText.OneLine(text);
        if (line.Length <= maxChars)
        {
            return line;
        }
        var cut = line.LastIndexOf(' ', maxChars - 1);
        return string.Concat(line.AsSpan(0, cut > 0 ? cut : maxChars - 1), "…");
    }
}
