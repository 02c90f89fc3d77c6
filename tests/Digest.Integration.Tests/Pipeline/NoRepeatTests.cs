using System.Text.RegularExpressions;
using Digest.Core.Articles;
using Digest.Core.Collecting;
using Digest.Integration.Tests.Support;

namespace Digest.Integration.Tests.Pipeline;

public sealed partial class NoRepeatTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 5, 0, 0, TimeSpan.Zero);
    private const long Chat = 501;

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [Fact]
    public async Task Three_editions_over_overlapping_windows_repeat_no_article_or_story_and_show_an_update_once_marked()
    {
        // Three-day windows: each edition could show everything the two before it showed.
        await using var scenario = await DeliveryScenario.StartAsync(Start, new Dictionary<string, string?>
        {
            ["Edition:Window"] = "3.00:00:00",
            ["Edition:Top"] = "3",
            ["Edition:Reserve"] = "3",
        });
        await scenario.SubscribeAsync(Chat, at: new TimeOnly(8, 0), since: Start.AddDays(-1));

        var first = await EditionOnAsync(scenario, 1);
        Assert.Equal(3, first.Links.Count);

        // Day 2: one new post, and another outlet telling the story of one of day 1's articles after it was sent.
        var told = (await scenario.App.Get<IArticleStore>().GetSinceAsync(Start.AddDays(-1), default)).Single(a => a.CanonicalUrl == first.Links[0]);
        var update = await PublishAsync(scenario, Start.AddHours(25), 1, "day2", followUp: told);
        var second = await EditionOnAsync(scenario, 2);
        Assert.Equal(3, second.Links.Count);
        Assert.Empty(second.Links.Intersect(first.Links));
        Assert.Contains(update.CanonicalUrl, second.Links);
        Assert.Contains("Update: " + update.Title, second.Text, StringComparison.Ordinal);

        // Day 3: one more; nothing of days 1 and 2 comes back, the update included.
        await PublishAsync(scenario, Start.AddHours(49), 1, "day3");
        var third = await EditionOnAsync(scenario, 3);
        Assert.NotEmpty(third.Links);
        Assert.Empty(third.Links.Intersect(first.Links.Concat(second.Links)));
        Assert.DoesNotContain("Update: ", first.Text + third.Text, StringComparison.Ordinal);
    }

    private static async Task<(IReadOnlyList<string> Links, string Text)> EditionOnAsync(DeliveryScenario scenario, int day)
    {
        var before = scenario.Telegram.Messages(Chat).Count;
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 7, day, 8, 0, 0, TimeSpan.Zero));
        await scenario.PlanAndSendAsync();
        var received = scenario.Telegram.Messages(Chat).Skip(before).ToList();
        Assert.NotEmpty(received);
        var links = received.SelectMany(m => Href().Matches(m.Text).Select(h => h.Groups[1].Value)).Distinct().ToList();
        return (links, string.Join('\n', received.Select(m => m.PlainText)));
    }

    /// <summary>New posts on followed feeds; with <paramref name="followUp"/>, one more that grouping put in its story.</summary>
    private static async Task<Article> PublishAsync(DeliveryScenario scenario, DateTimeOffset at, int count, string tag, Article? followUp = null)
    {
        var feeds = scenario.App.Get<IFeedStore>();
        var store = scenario.App.Get<IArticleStore>();
        var posts = Enumerable.Range(0, count).Select(i => new NewArticle(
            $"https://{tag}-{i}.example.org/post", null, $"https://{tag}-{i}.example.org/feed", $"{tag}-{i}.example.org",
            $"New {tag} post {i} on LLM agents and model training",
            "The model team trained a new LLM with better agents. The release ships GPU inference and training notes for the model.",
            at.AddMinutes(-10 * i), at)).ToList();
        if (followUp is not null)
        {
            posts.Add(new NewArticle("https://follow-up.example.net/story", null, "https://follow-up.example.net/feed", "follow-up.example.net",
                "Follow-up: " + followUp.Title, followUp.Text + " New details came out today.", at.AddMinutes(5), at));
        }
        foreach (var post in posts)
        {
            await feeds.AddAsync(new FeedSource(post.FeedUrl, post.Source), default);
        }
        var stored = await store.AddNewAsync(posts, default);
        if (followUp is null)
        {
            return stored[0];
        }
        await store.AssignStoryAsync(stored[^1].Id, followUp.StoryId, default);
        return stored[^1];
    }
}
