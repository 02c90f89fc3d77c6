namespace Digest.Core.Collecting;

/// <summary>
/// What two articles have in common, and the one rule that decides whether they tell the same story:
/// title overlap + body overlap + mentions overlap, each from 0 to 1, the latter two scaled by how much text they
/// rest on, must reach a threshold that rises with the time between the articles and for a pair from one source.
/// </summary>
/// <param name="Title">Weighted overlap of the titles' subject words.</param>
/// <param name="Body">Estimated share of the shorter body's shingles found in the other.</param>
/// <param name="BodyConfidence">1 for two full bodies, less when one is a teaser, 0 when one is empty.</param>
/// <param name="Mentions">Weighted share of the names and numbers of the article that mentions fewer found in the other.</param>
/// <param name="MentionsConfidence">1 when both mention a handful of names and numbers, less when one mentions one or two.</param>
internal readonly record struct StoryEvidence(
    double Title, double Body, double BodyConfidence, double Mentions, double MentionsConfidence, TimeSpan Apart, bool SameSource)
{
    /// <summary>Outlets cover an event within a day or two; later pieces about it are follow-ups, not retellings.</summary>
    public static readonly TimeSpan MaxApart = TimeSpan.FromDays(3);

    // Any one signal alone must be more than half there: a title sharing most of its subject words, a body mostly
    // copied from the other, or most of the names and numbers. Two signals each a little over a quarter there also do.
    private const double Needed = 0.55;

    // A benchmark of the new release two days later names the same product and numbers: the further apart, the
    // more is needed, up to half again as much at three days.
    private const double NeededMoreWhenFarApart = 0.3;

    // One source seldom tells a story twice, while its series posts share boilerplate bodies and template titles
    // ("This Week in Rust 612" / "613"). Same-source pairs are not ruled out, because a re-post under a new URL is
    // the same story, but they need nearly twice the evidence: a near-identical body, or a close title and body.
    private const double NeededMoreFromSameSource = 0.5;

    public double Strength => Title + (BodyConfidence * Body) + (MentionsConfidence * Mentions);

    public double Threshold =>
        Needed + (NeededMoreWhenFarApart * Apart / MaxApart) + (SameSource ? NeededMoreFromSameSource : 0);

    public bool SameStory => Apart <= MaxApart && Strength >= Threshold;
}
