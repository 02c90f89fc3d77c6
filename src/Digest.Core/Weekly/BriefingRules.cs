namespace Digest.Core.Weekly;

/// <summary>
/// The briefing's shape, stated once: how many entries each section holds, how long its text may run and which of the
/// week's material it may cite. The LLM's schema says the same numbers; <see cref="BriefingCheck"/> enforces them.
/// </summary>
public static class BriefingRules
{
    public const int MinEpisodes = 2;
    public const int MaxEpisodes = 4;
    public const int Takeaways = 5;
    public const int MinAlso = 4;
    public const int MaxAlso = 6;
    public const int MinPapers = 1;
    public const int MaxPapers = 3;
    public const int WorthReading = 3;

    /// <summary>The thesis: one paragraph.</summary>
    public const int MaxThesisChars = 900;

    /// <summary>A takeaway: one actionable line.</summary>
    public const int MaxTakeawayChars = 300;

    /// <summary>What happened, why it matters, an analysis: a short paragraph each.</summary>
    public const int MaxParagraphChars = 900;

    /// <summary>A "Worth Reading" note, and the week's signal: one sentence.</summary>
    public const int MaxSentenceChars = 320;

    /// <summary>The sections a first call writes.</summary>
    public static IReadOnlySet<BriefingSection> Every { get; } = Enum.GetValues<BriefingSection>().ToHashSet();

    /// <summary>
    /// How many entries a section needs, given what the week offers: a quiet week with one episode still gets a
    /// "Watch &amp; Listen" of one, and a week with none says so rather than inventing one.
    /// </summary>
    public static (int Min, int Max) Count(BriefingSection section, WeeklyMaterial material)
    {
        ArgumentNullException.ThrowIfNull(material);
        var stories = material.Stories.Count + material.Papers.Count;
        return section switch
        {
            BriefingSection.WatchAndListen => Within(MinEpisodes, MaxEpisodes, material.Episodes.Count),
            BriefingSection.Takeaways => Within(Takeaways, Takeaways, material.All.Count()),
            BriefingSection.BigStory => Within(1, 1, stories),
            // The big story takes one of the stories.
            BriefingSection.AlsoThisWeek => Within(MinAlso, MaxAlso, Math.Max(0, stories - 1)),
            BriefingSection.FromTheLab => Within(MinPapers, MaxPapers, material.Papers.Count),
            BriefingSection.WorthReading => Within(WorthReading, WorthReading, material.Coverage.Count + material.Stories.Count),
            _ => (1, 1),
        };
    }

    private static (int Min, int Max) Within(int min, int max, int available) => (Math.Min(min, available), Math.Min(max, available));
}
