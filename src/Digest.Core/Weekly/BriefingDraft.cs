namespace Digest.Core.Weekly;

/// <summary>
/// What a writer returned, section by section, before it is checked against the week's material: any section may be
/// missing (null) or break its rules. <see cref="BriefingCheck"/> keeps what holds and names what must be written again.
/// </summary>
public sealed record BriefingDraft(
    BriefingClaim? Thesis = null,
    IReadOnlyList<BriefingEpisode>? WatchAndListen = null,
    IReadOnlyList<BriefingClaim>? Takeaways = null,
    BriefingStory? BigStory = null,
    IReadOnlyList<BriefingStory>? AlsoThisWeek = null,
    IReadOnlyList<BriefingPaper>? FromTheLab = null,
    IReadOnlyList<BriefingReading>? WorthReading = null,
    BriefingClaim? Signal = null);
