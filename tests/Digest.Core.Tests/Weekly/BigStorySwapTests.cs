using Digest.Core.Articles;
using Digest.Core.Editions;
using Digest.Core.Weekly;

namespace Digest.Core.Tests.Weekly;

public class BigStorySwapTests
{
    private static readonly DateTimeOffset Monday = new(2026, 6, 29, 6, 0, 0, TimeSpan.Zero);

    // Articles 1–3 tell stories 10, 20, 30; 1 is the big story, 2 and 3 are "Also this week".
    private static readonly Edition Weekly = WeeklyOf(
        [Item(1, story: 10, Monday.AddDays(-2)), Item(2, story: 20, Monday.AddDays(-1)), Item(3, story: 30, Monday.AddDays(-1))]);

    [Fact]
    public void A_big_story_the_daily_led_with_changes_places_with_the_first_also_story_not_led_with()
    {
        var leads = new Dictionary<long, DateTimeOffset> { [10] = Monday.AddDays(-1), [20] = Monday.AddDays(-1) };

        var swapped = BigStorySwap.For(Weekly, leads).Briefing!;

        Assert.Equal(new BriefingStory(3, "Summary of 3.", "Why 3 matters."), swapped.BigStory);
        Assert.Equal(
            [new BriefingStory(2, "", "Why 2 matters."), new BriefingStory(1, "", "Why 1 matters: the week's news.")],
            swapped.AlsoThisWeek);
        Assert.Equal(Weekly.Briefing!.Cited().Order(), swapped.Cited().Order());
    }

    [Fact]
    public void A_story_with_news_since_the_daily_stays_the_big_story()
    {
        // Another article of story 10 came out after the daily that led with it.
        var withNews = WeeklyOf([.. Weekly.Items, Item(4, story: 10, Monday.AddHours(-2))]);
        var leads = new Dictionary<long, DateTimeOffset> { [10] = Monday.AddDays(-1) };

        Assert.Same(withNews, BigStorySwap.For(withNews, leads));
    }

    [Fact]
    public void Nothing_changes_when_every_also_story_was_led_with_too_or_the_big_story_was_not()
    {
        var allLed = new Dictionary<long, DateTimeOffset> { [10] = Monday.AddDays(-1), [20] = Monday.AddDays(-1), [30] = Monday.AddDays(-1) };
        var othersLed = new Dictionary<long, DateTimeOffset> { [20] = Monday.AddDays(-1) };

        Assert.Same(Weekly, BigStorySwap.For(Weekly, allLed));
        Assert.Same(Weekly, BigStorySwap.For(Weekly, othersLed));
        Assert.Same(Weekly, BigStorySwap.For(Weekly, new Dictionary<long, DateTimeOffset>()));
    }

    private static Edition WeeklyOf(IReadOnlyList<EditionItem> items)
    {
        var briefing = new WeeklyBriefing(
            new DateOnly(2026, 6, 23),
            new DateOnly(2026, 6, 29),
            new BriefingClaim("The week in one paragraph.", [1]),
            [],
            [new BriefingClaim("A takeaway.", [1, 2])],
            new BriefingStory(1, "What happened to 1.", "Why 1 matters: the week's news."),
            [new BriefingStory(2, "", "Why 2 matters."), new BriefingStory(3, "", "Why 3 matters.")],
            [],
            [],
            new BriefingClaim("The signal.", [3]),
            []);
        var stats = new EditionStats(1, 1, items.Count, items.Count, TimeSpan.FromDays(7), items.Count, [], []);
        return new Edition(7, EditionKind.Weekly, new DateOnly(2026, 6, 29), Monday, "en", false, "The week in one paragraph.", items, stats)
        {
            Briefing = briefing,
        };
    }

    private static EditionItem Item(long id, long story, DateTimeOffset publishedAt) =>
        new(0, id, $"Title {id}", $"https://example.com/{id}", "example.com", publishedAt, Category.AiMl, 8, 8, 8, [], [],
            $"Summary of {id}.", "", MustRead: false, MustReadRank: 0)
        {
            StoryId = story,
        };
}
