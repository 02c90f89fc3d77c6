using Digest.Core.Editions;

namespace Digest.Core.Weekly;

/// <summary>
/// What a briefing may be written from: the week's stories (best first, each told by its lead article, with the other
/// sources that covered it), its podcast episodes and its papers. Writers may cite only these items' article ids.
/// </summary>
/// <param name="Stories">One item per story of the week, ranked by coverage across sources × assessment.</param>
/// <param name="Coverage">Other outlets' articles on those stories: candidates for "Worth Reading".</param>
/// <param name="Episodes">Podcast and video episodes of the week, best first.</param>
/// <param name="Papers">Papers and lab posts of the week, best first.</param>
public sealed record WeeklyMaterial(
    DateOnly WeekStart,
    DateOnly WeekEnd,
    string Language,
    IReadOnlyList<EditionItem> Stories,
    IReadOnlyList<EditionItem> Coverage,
    IReadOnlyList<EditionItem> Episodes,
    IReadOnlyList<EditionItem> Papers)
{
    /// <summary>Every item a section may cite.</summary>
    public IEnumerable<EditionItem> All => Stories.Concat(Coverage).Concat(Episodes).Concat(Papers);
}
