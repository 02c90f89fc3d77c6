using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Core.Subscriptions;
using Digest.Core.Weekly;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;
using Microsoft.Extensions.DependencyInjection;
using static Digest.Integration.Tests.Support.Moments;

namespace Digest.Integration.Tests.Weekly;

/// <summary>The weekly briefing: once a week per subscriber, on their weekday at their time, in their zone.</summary>
public sealed class WeeklyDeliveryTests
{
    // Sunday 5 July 2026, noon UTC: the seeded articles are the coming week's news.
    private static readonly DateTimeOffset Start = Utc(7, 5, 12);

    private const long Berlin = 951, Angeles = 952, DailyOnly = 953;

    [Fact]
    public async Task Weekly_subscribers_in_two_zones_each_get_one_briefing_on_their_weekday_at_their_time_and_daily_only_ones_none()
    {
        await using var scenario = await DeliveryScenario.StartAsync(Start, WeekLongWindow());
        var telegram = scenario.Telegram;
        // Berlin: the weekly only, on Mondays at 08:00 (06:00 UTC in summer). Los Angeles: both, the weekly on Tuesdays at
        // 08:00 (15:00 UTC). A daily-only chat at 08:00 UTC.
        var berlin = await SubscribeAsync(scenario, Berlin, "Europe/Berlin", Frequency.Weekly, DayOfWeek.Monday);
        var angeles = await SubscribeAsync(scenario, Angeles, "America/Los_Angeles", Frequency.Both, DayOfWeek.Tuesday);
        await SubscribeAsync(scenario, DailyOnly, "UTC", Frequency.Daily, DayOfWeek.Monday);
        var planner = Clocks.Planner(scenario.App.Services, scenario.Clock);

        await PlanAndSendAsync(scenario, planner, Utc(7, 5, 15)); // Los Angeles' Sunday daily
        await PlanAndSendAsync(scenario, planner, Utc(7, 6, 5, 59));
        Assert.Empty(telegram.Messages(Berlin));

        await PlanAndSendAsync(scenario, planner, Utc(7, 6, 6));
        var first = await LatestWeeklyAsync(scenario);
        var berlinParts = Expected(scenario, first, berlin, Day(7, 6), leads: null);
        Inbox.ExactlyOnceInOrder(telegram, Berlin, berlinParts);
        Assert.Contains(telegram.Messages(Berlin), m => m.PlainText.Contains("Key Takeaways", StringComparison.Ordinal));

        // Monday in Los Angeles is not its weekday: its daily comes, no briefing.
        await PlanAndSendAsync(scenario, planner, Utc(7, 6, 8));
        await PlanAndSendAsync(scenario, planner, Utc(7, 6, 15));
        Assert.Equal(0, Briefings(telegram, Angeles));
        Assert.Equal([Day(7, 5), Day(7, 6)], Inbox.EditionDates(telegram, Angeles));

        await PlanAndSendAsync(scenario, planner, Utc(7, 7, 6));
        await PlanAndSendAsync(scenario, planner, Utc(7, 7, 15));
        var second = await LatestWeeklyAsync(scenario);
        // Its dailies led with stories of the week: the briefing it got is the one cut for those leads.
        var leads = await scenario.App.Get<IOutbox>().GetLeadStoriesAsync([angeles.Id], Start.AddDays(-7), default);
        var angelesParts = Expected(scenario, second, angeles, Day(7, 7), leads.GetValueOrDefault(angeles.Id));
        Assert.All(angelesParts, part => Assert.Single(telegram.Messages(Angeles), m => m.Text == part.Text));
        Assert.Equal(1, Briefings(telegram, Angeles));
        // Los Angeles' dailies led with the story Berlin's briefing (no dailies) leads with, so its own leads with another
        // and has that one under "Also this week".
        var ledBefore = BigStoryTitle(telegram, Berlin);
        Assert.Contains(leads[angeles.Id].Keys, story => second.Items.Any(i => i.StoryId == story && i.Title == ledBefore));
        Assert.NotEqual(ledBefore, BigStoryTitle(telegram, Angeles));
        Assert.Contains(ledBefore, AlsoThisWeek(telegram, Angeles), StringComparison.Ordinal);

        // Later runs that week, and a planner that starts afresh (as after a restart), send no briefing again.
        var received = telegram.Messages(Berlin).Count;
        await PlanAndSendAsync(scenario, planner, Utc(7, 7, 15, 1));
        await PlanAndSendAsync(scenario, Clocks.Planner(scenario.App.Services, scenario.Clock), Utc(7, 8, 6));
        await PlanAndSendAsync(scenario, Clocks.Planner(scenario.App.Services, scenario.Clock), Utc(7, 12, 23));
        Assert.Equal(received, telegram.Messages(Berlin).Count);
        Assert.Equal(1, Briefings(telegram, Berlin));
        Assert.Equal(1, Briefings(telegram, Angeles));

        // The weekly-only chat never got a daily; the daily-only chat never a briefing.
        Assert.Empty(Inbox.EditionDates(telegram, Berlin));
        Assert.Equal(0, Briefings(telegram, DailyOnly));
        Assert.Contains(Day(7, 6), Inbox.EditionDates(telegram, DailyOnly));
    }

    [Fact]
    public async Task Send_now_sends_the_briefing_only_to_chats_whose_weekday_it_is_and_only_once()
    {
        await using var scenario = await DeliveryScenario.StartAsync(Start, WeekLongWindow());
        var telegram = scenario.Telegram;
        // Subscribed on Monday after 08:00 UTC: this Monday's time was before the subscription, so the schedule owes nothing.
        var since = Utc(7, 6, 9);
        await SubscribeAsync(scenario, Berlin, "UTC", Frequency.Weekly, DayOfWeek.Monday, since);
        await SubscribeAsync(scenario, Angeles, "UTC", Frequency.Weekly, DayOfWeek.Tuesday, since);
        var planner = Clocks.Planner(scenario.App.Services, scenario.Clock);

        await PlanAndSendAsync(scenario, planner, Utc(7, 6, 10));
        Assert.Empty(telegram.Messages(Berlin));

        scenario.Clock.SetUtcNow(Utc(7, 6, 10, 5));
        await planner.PlanEveryoneAsync(default);
        await scenario.SendAsync();
        await planner.PlanEveryoneAsync(default);
        await scenario.SendAsync();

        Assert.Equal(1, Briefings(telegram, Berlin));
        Assert.Empty(telegram.Messages(Angeles));
    }

    /// <summary>
    /// The planner, its daily composer and its weekly one all on the scenario's clock: "fresh" and "the week" are
    /// measured on the clock that plans.
    /// </summary>
    private static async Task PlanAndSendAsync(DeliveryScenario scenario, DeliveryPlanner planner, DateTimeOffset at)
    {
        scenario.Clock.SetUtcNow(at);
        await planner.PlanDueAsync(default);
        await scenario.SendAsync();
    }

    /// <summary>A subscriber whose subscription started at the scenario's start (the app's own clock is the real one).</summary>
    private static Task<Subscriber> SubscribeAsync(
        DeliveryScenario scenario, long chat, string zone, Frequency frequency, DayOfWeek day, DateTimeOffset? since = null) =>
        scenario.App.Get<ISubscriberStore>().SaveAsync(
            Subscriber.New("telegram", chat.ToString(System.Globalization.CultureInfo.InvariantCulture), ChatKind.Private, null, since ?? Start) with
            {
                Active = true,
                Frequency = frequency,
                TimeZone = zone,
                WeeklyDay = day,
            },
            default);

    private static async Task<Edition> LatestWeeklyAsync(DeliveryScenario scenario)
    {
        var weekly = await scenario.App.Get<IEditionStore>().GetLatestAsync(EditionKind.Weekly, default);
        Assert.NotNull(weekly);
        Assert.NotNull(weekly.Briefing);
        return weekly;
    }

    private static IReadOnlyList<MessagePart> Expected(
        DeliveryScenario scenario, Edition weekly, Subscriber subscriber, DateOnly day, IReadOnlyDictionary<long, DateTimeOffset>? leads)
    {
        var cut = new SubscriberCuts(scenario.App.Services.GetServices<IEditionRenderer>()).RenderWeekly(weekly, subscriber, day, leads);
        Assert.NotNull(cut);
        Assert.NotEmpty(cut.Parts);
        return cut.Parts;
    }

    /// <summary>The title of the big story in the briefing a chat received (its first line is "title · date · source").</summary>
    private static string BigStoryTitle(FakeTelegramServer telegram, long chat) =>
        Section(telegram, chat, BriefingText.Heading(BriefingSection.BigStory)).Split('\n')[0].Split(" · ")[0];

    private static string AlsoThisWeek(FakeTelegramServer telegram, long chat) =>
        Section(telegram, chat, BriefingText.Heading(BriefingSection.AlsoThisWeek));

    /// <summary>What follows a section's heading in the message that has it (to the message's end).</summary>
    private static string Section(FakeTelegramServer telegram, long chat, string heading)
    {
        var marker = "\n" + heading + "\n";
        var text = Assert.Single(telegram.Messages(chat), m => m.PlainText.Contains(marker, StringComparison.Ordinal)).PlainText;
        return text[(text.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..];
    }

    /// <summary>How many weekly briefings a chat received: each opens with its title.</summary>
    private static int Briefings(FakeTelegramServer telegram, long chat) =>
        telegram.Messages(chat).Count(m => !m.IsPhoto && m.PlainText.Contains(BriefingText.Title, StringComparison.Ordinal));
}
