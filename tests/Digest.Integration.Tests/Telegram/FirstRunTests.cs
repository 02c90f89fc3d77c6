using Digest.Core.Collecting;
using Digest.Core.Conversation.Commands;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;
using Digest.TestKit.Telegram;
using static Digest.Integration.Tests.Support.Moments;

namespace Digest.Integration.Tests.Telegram;

/// <summary>What a new user sees in their first minutes, also on a fresh install.</summary>
public sealed class FirstRunTests
{
    private const long Chat = 5150;
    private const long User = 5150;

    [Fact]
    public async Task Subscribing_after_todays_time_offers_todays_digest_by_button_once_and_the_next_comes_tomorrow_at_its_time()
    {
        await using var scenario = await DeliveryScenario.StartAsync(Utc(7, 1, 7, 30), WeekLongWindow(), new ScenarioOptions(CommandsOnClock: true));
        var telegram = scenario.Telegram;
        await using var sender = BackgroundSender.Start(scenario.App);

        // 08:13 UTC, with the default 08:00 UTC.
        scenario.Clock.SetUtcNow(Utc(7, 1, 8, 13));
        telegram.InjectMessage(Chat, User, "/subscribe");
        var reply = (await telegram.WaitForMessagesAsync(Chat, 1))[0];
        Assert.Contains("Today's digest went out at 08:00", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("tomorrow", reply.PlainText, StringComparison.Ordinal);
        Assert.Equal(DigestCommand.SendNowButton, Assert.Single(reply.Buttons).Data);

        telegram.InjectCallback(Chat, User, reply.MessageId, DigestCommand.SendNowButton);
        await telegram.WaitUntilAsync(() => Inbox.EditionDates(telegram, Chat).Count == 1, "today's digest");
        await scenario.WaitUntilSentAsync();
        var subscriber = await scenario.App.Get<ISubscriberStore>().GetAsync("telegram", "5150", default);
        var today = Inbox.Expected(scenario.App.Services, await scenario.LatestEditionAsync(), subscriber!, Day(7, 1));
        Inbox.ExactlyOnceInOrder(telegram, Chat, today, after: 1);

        // Nothing more today, nor tomorrow before 08:00.
        foreach (var at in new[] { Utc(7, 1, 8, 14), Utc(7, 1, 12), Utc(7, 1, 23, 59), Utc(7, 2, 7, 59) })
        {
            await scenario.PlanAtAsync(at);
            await scenario.WaitUntilSentAsync();
        }
        Assert.Equal(1 + today.Count, telegram.Messages(Chat).Count);

        await scenario.PlanAtAsync(Utc(7, 2, 8));
        await scenario.WaitUntilSentAsync();
        Assert.Equal(new[] { Day(7, 1), Day(7, 2) }, Inbox.EditionDates(telegram, Chat));
    }

    [Fact]
    public async Task Digest_on_a_fresh_install_says_the_first_one_is_being_put_together_and_sends_it_once_composed()
    {
        using var dir = new TestDirectory();
        await using var feeds = await FeedServer.StartAsync();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = 10 });
        var settings = TestApp.Telegram(telegram.BaseUrl, rateScale: 10);
        foreach (var (key, value) in PipelineSettings.Fast())
        {
            settings[key] = value;
        }
        await using var app = await TestApp.StartAsync(dir, settings);
        await using var sender = BackgroundSender.Start(app);
        var planner = app.Get<DeliveryPlanner>();
        var outbox = app.Get<IOutbox>();

        telegram.InjectMessage(Chat, User, "/digest");
        var reply = (await telegram.WaitForMessagesAsync(Chat, 1))[0];
        Assert.Contains("The first digest is being put together", reply.PlainText, StringComparison.Ordinal);

        // No collect has finished: the request waits, and nothing is queued to send.
        Assert.Equal(new PlanResult(0, 0, 1), await planner.PlanDueAsync(default));
        Assert.Equal(new OutboxCounts(0, 0, 0, 0), await outbox.CountAsync(null, default));

        await app.Get<Collector>().CollectAsync(FixtureFeed.PublishAll(feeds, GoldenFixtures.Feeds, DateTimeOffset.UtcNow), null, default);
        Assert.Equal(1, (await planner.PlanDueAsync(default)).Answered);
        await telegram.WaitUntilAsync(() => Inbox.EditionDates(telegram, Chat).Count == 1, "the first digest", TimeSpan.FromSeconds(15));
        await DeliveryScenario.WaitUntilSentAsync(outbox);

        var asker = await app.Get<ISubscriberStore>().GetAsync("telegram", "5150", default);
        var edition = await app.Get<IEditionStore>().GetLatestAsync(EditionKind.Daily, default);
        var parts = Inbox.Expected(app.Services, edition!, asker!, DeliveryTimes.LocalDate(asker!, DateTimeOffset.UtcNow));
        Inbox.ExactlyOnceInOrder(telegram, Chat, parts, after: 1);
        Assert.Equal(0, (await planner.PlanDueAsync(default)).Answered);
    }
}
