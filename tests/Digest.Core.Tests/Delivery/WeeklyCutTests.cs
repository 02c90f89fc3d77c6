using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Core.Subscriptions;
using Digest.Core.Weekly;

namespace Digest.Core.Tests.Delivery;

public class WeeklyCutTests
{
    private static readonly DateTimeOffset Monday = new(2026, 6, 29, 6, 0, 0, TimeSpan.Zero);

    // Security only, top 1: a daily would be cut to one security article; the briefing is read whole.
    private static readonly Subscriber Reader = Subscriber.New("console", "1", ChatKind.Private, null, Monday) with
    {
        Categories = new HashSet<Category> { Category.Security },
        Top = 1,
    };

    [Fact]
    public void A_weekly_is_rendered_whole_and_records_its_cited_articles_in_reading_order()
    {
        var renderer = new CountingRenderer();
        var cuts = new SubscriberCuts([renderer]);

        var cut = cuts.RenderWeekly(Weekly(), Reader, new DateOnly(2026, 6, 29), null)!;

        Assert.Equal([1L, 2, 3], renderer.Rendered.Single().Items.Select(i => i.ArticleId).Order());
        Assert.Equal([new SentArticle(1, 10), new SentArticle(2, 20), new SentArticle(3, 30)], cut.Articles);
        Assert.DoesNotContain(cut.Articles, a => a.Lead);
    }

    [Fact]
    public void Readers_with_the_same_big_story_share_one_rendering_and_a_swapped_one_gets_its_own()
    {
        var renderer = new CountingRenderer();
        var cuts = new SubscriberCuts([renderer]);
        var day = new DateOnly(2026, 6, 29);
        var ledWithTheBigStory = new Dictionary<long, DateTimeOffset> { [10] = Monday.AddDays(-1) };
        var ledWithAnother = new Dictionary<long, DateTimeOffset> { [30] = Monday.AddDays(-1) };

        cuts.RenderWeekly(Weekly(), Reader, day, null);
        cuts.RenderWeekly(Weekly(), Reader with { Id = 2 }, day, ledWithAnother);
        var swapped = cuts.RenderWeekly(Weekly(), Reader with { Id = 3 }, day, ledWithTheBigStory)!;

        Assert.Equal(2, renderer.Rendered.Count);
        Assert.Equal(2, renderer.Rendered[1].Briefing!.BigStory.ArticleId);
        Assert.Equal(day, renderer.Rendered[1].Date);
        Assert.Equal([2L, 1, 3], swapped.Articles.Select(a => a.ArticleId));
    }

    [Fact]
    public void A_daily_records_which_article_led_it()
    {
        var items = new[] { Item(1, 10, mustReadRank: 1), Item(2, 20, mustReadRank: 2), Item(3, 30, mustReadRank: 0) };
        var daily = new Edition(5, EditionKind.Daily, new DateOnly(2026, 6, 29), Monday, "en", false, "Highlights.", items, Stats(items.Length));

        var cut = new SubscriberCuts([new CountingRenderer()]).Render(daily, Reader with { Categories = new HashSet<Category>(), Top = 3 }, daily.Date)!;

        Assert.Equal([1L], cut.Articles.Where(a => a.Lead).Select(a => a.ArticleId));
    }

    private static Edition Weekly()
    {
        var briefing = new WeeklyBriefing(
            new DateOnly(2026, 6, 23), new DateOnly(2026, 6, 29),
            new BriefingClaim("The week.", []), [], [],
            new BriefingStory(1, "What happened.", "Why it matters."),
            [new BriefingStory(2, "", "Why 2 matters."), new BriefingStory(3, "", "Why 3 matters.")],
            [], [], new BriefingClaim("The signal.", []), []);
        EditionItem[] items = [Item(1, 10), Item(2, 20), Item(3, 30)];
        return new Edition(9, EditionKind.Weekly, new DateOnly(2026, 6, 29), Monday, "en", false, "The week.", items, Stats(items.Length))
        {
            Briefing = briefing,
        };
    }

    private static EditionStats Stats(int count) => new(1, 1, count, count, TimeSpan.FromDays(7), count, [], []);

    // Categories differ, so a daily-style cut to Security and top 1 would drop articles.
    private static EditionItem Item(long id, long story, int mustReadRank = 0) =>
        new(0, id, $"Title {id}", $"https://example.com/{id}", "example.com", Monday.AddDays(-1),
            id == 2 ? Category.Security : Category.AiMl, 8, 8, 8, [], [], $"Summary of {id}.", "Why.", mustReadRank > 0, mustReadRank)
        {
            StoryId = story,
        };

    private sealed class CountingRenderer : IEditionRenderer
    {
        public List<Edition> Rendered { get; } = [];

        public string Platform => "console";

        public IReadOnlyList<MessagePart> Render(Edition edition)
        {
            Rendered.Add(edition);
            return [new MessagePart(MessageFormat.Markdown, $"edition {edition.Id}")];
        }
    }
}
