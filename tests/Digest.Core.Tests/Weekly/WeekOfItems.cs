using Digest.Core.Articles;
using Digest.Core.Editions;
using Digest.Core.Weekly;

namespace Digest.Core.Tests.Weekly;

/// <summary>A week of material with known ids: stories 1–10, coverage 21–24, episodes 31–33, papers 41–43.</summary>
internal static class WeekOfItems
{
    public static readonly DateTimeOffset Sunday = new(2026, 11, 29, 18, 0, 0, TimeSpan.Zero);

    public static WeeklyMaterial Material(int stories = 10, int coverage = 4, int episodes = 3, int papers = 3) => new(
        new DateOnly(2026, 11, 23),
        new DateOnly(2026, 11, 29),
        "en",
        Enumerable.Range(1, stories).Select(i => Item(i, $"Story {i} about model serving", $"news{i}.example", i)).ToList(),
        Enumerable.Range(21, coverage).Select(i => Item(i, $"Another take on story {i - 20}", $"other{i}.example", i - 20)).ToList(),
        Enumerable.Range(31, episodes).Select(i => Item(i, $"Episode {i}", "Latent Space", i) with { Duration = TimeSpan.FromMinutes(60 + i) }).ToList(),
        Enumerable.Range(41, papers).Select(i => Item(i, $"Paper {i}", "arXiv cs.LG", i, $"https://arxiv.org/abs/2611.{i:D5}")).ToList());

    public static EditionItem Item(long id, string title, string source, long story, string? url = null) => new(
        (int)id, id, title, url ?? $"https://{source.Replace(' ', '-')}/{id}", source, Sunday.AddHours(-id), Category.AiMl, 8, 7, 6,
        ["serving"], ["serving"], $"Summary of {title}. It says more in a second sentence.", $"Why {title} matters.", false, 0)
    { StoryId = story };

    /// <summary>An answer that holds in every section.</summary>
    public static BriefingDraft Valid() => new(
        new BriefingClaim("Serving costs led the week.", [1, 2]),
        [new BriefingEpisode(31), new BriefingEpisode(32)],
        Enumerable.Range(1, 5).Select(i => new BriefingClaim($"Takeaway {i}.", [i])).ToList(),
        new BriefingStory(1, "What happened in story 1.", "Why story 1 matters."),
        Enumerable.Range(2, 4).Select(i => new BriefingStory(i, string.Empty, $"Analysis of story {i}.")).ToList(),
        [new BriefingPaper(41, null, "What paper 41 shows.")],
        [new BriefingReading(21, "A clear take."), new BriefingReading(22, "The numbers."), new BriefingReading(23, "The critique.")],
        new BriefingClaim("Serving is the lever now.", [1]));
}
