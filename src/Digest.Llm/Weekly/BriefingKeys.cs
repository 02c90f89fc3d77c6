using Digest.Core.Weekly;

namespace Digest.Llm.Weekly;

/// <summary>
/// Each section's property in the weekly prompt's answer, and which sections are worth a call. The prompt's lines and
/// the schema's properties are named by these keys, so asking for fewer sections removes exactly their parts.
/// </summary>
internal static class BriefingKeys
{
    public static string Of(BriefingSection section) => section switch
    {
        BriefingSection.Thesis => "thesis",
        BriefingSection.WatchAndListen => "watch_and_listen",
        BriefingSection.Takeaways => "takeaways",
        BriefingSection.BigStory => "big_story",
        BriefingSection.AlsoThisWeek => "also_this_week",
        BriefingSection.FromTheLab => "from_the_lab",
        BriefingSection.WorthReading => "worth_reading",
        BriefingSection.Signal => "signal",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Not a briefing section."),
    };

    /// <summary>The sections that answer with a list of entries; the others with one object.</summary>
    public static bool IsList(BriefingSection section) =>
        section is BriefingSection.WatchAndListen or BriefingSection.Takeaways or BriefingSection.AlsoThisWeek
            or BriefingSection.FromTheLab or BriefingSection.WorthReading;

    /// <summary>
    /// Whether the week holds anything the section could cite. A week without episodes gets an empty "Watch &amp; Listen"
    /// without asking: a schema demanding zero entries would only invite the model to invent one.
    /// </summary>
    public static bool HasMaterial(BriefingSection section, WeeklyMaterial material) =>
        BriefingRules.Count(section, material).Max > 0;

    /// <summary>The requested sections in the sample's order, so prompt, schema and answer read the same way every time.</summary>
    public static IReadOnlyList<BriefingSection> InOrder(IEnumerable<BriefingSection> sections)
    {
        var wanted = sections.ToHashSet();
        return Enum.GetValues<BriefingSection>().Where(wanted.Contains).ToList();
    }
}
