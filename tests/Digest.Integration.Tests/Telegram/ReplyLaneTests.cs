using System.Globalization;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using static Digest.Integration.Tests.Support.Moments;

namespace Digest.Integration.Tests.Telegram;

/// <summary>/digest goes through the outbox's reply lane: the same limits and exactly-once as the editions.</summary>
public sealed class ReplyLaneTests
{
    [Fact]
    public async Task Digest_from_twenty_chats_at_once_reaches_each_chat_once_within_the_global_limit()
    {
        // Telegram's real limits on both sides: 30 messages a second overall.
        await using var scenario = await DeliveryScenario.StartAsync(Utc(7, 1, 9), options: new ScenarioOptions(RateScale: 1, CommandsOnClock: true));
        var telegram = scenario.Telegram;
        await using var sender = BackgroundSender.Start(scenario.App);
        long[] chats = [.. Enumerable.Range(6001, 20)];
        // Strangers with the default settings, as /digest finds them.
        var expected = Inbox.Expected(scenario.App.Services, await scenario.LatestEditionAsync(),
            Subscriber.New("telegram", "6001", ChatKind.Private, null, Utc(7, 1, 9)), Day(7, 1));

        foreach (var chat in chats)
        {
            telegram.InjectMessage(chat, chat, "/digest");
        }
        await telegram.WaitUntilAsync(() => telegram.AllMessages.Count >= chats.Length * expected.Count, "every chat's digest", TimeSpan.FromSeconds(30));
        await scenario.WaitUntilSentAsync();

        Assert.All(chats, chat => Inbox.ExactlyOnceInOrder(telegram, chat, expected));
        Assert.Equal(0, telegram.TooManyRequests);
    }

    [Fact]
    public async Task Asking_twice_within_the_cooldown_sends_the_digest_once_and_says_it_is_on_its_way()
    {
        await using var scenario = await DeliveryScenario.StartAsync(Utc(7, 1, 9, 0), options: new ScenarioOptions(CommandsOnClock: true));
        await AskTwiceAsync(scenario, secondAfter: TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Asking_again_seconds_later_across_a_minute_boundary_still_sends_the_digest_once()
    {
        // 09:00:58 and 09:01:02: four seconds apart, well within the one-minute cooldown.
        await using var scenario = await DeliveryScenario.StartAsync(Utc(7, 1, 9, 0).AddSeconds(58), options: new ScenarioOptions(CommandsOnClock: true));
        await AskTwiceAsync(scenario, secondAfter: TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Asking_again_after_the_cooldown_for_an_edition_already_read_says_there_is_nothing_new_and_sends_nothing_twice()
    {
        const long chat = 6200;
        await using var scenario = await DeliveryScenario.StartAsync(Utc(7, 1, 9, 0), options: new ScenarioOptions(CommandsOnClock: true));
        var telegram = scenario.Telegram;
        await using var sender = BackgroundSender.Start(scenario.App);

        telegram.InjectMessage(chat, chat, "/digest");
        await telegram.WaitUntilAsync(() => Inbox.EditionDates(telegram, chat).Count == 1, "the first digest");
        await scenario.WaitUntilSentAsync();
        var first = telegram.Messages(chat).Count;
        // Past the one-minute cooldown, the edition still fresh: everything in it reached this chat already.
        scenario.Clock.Advance(TimeSpan.FromMinutes(5));
        telegram.InjectMessage(chat, chat, "/digest");
        await telegram.WaitForMessagesAsync(chat, first + 1);
        await scenario.WaitUntilSentAsync();

        Assert.Single(Inbox.EditionDates(telegram, chat));
        var answer = Assert.Single(telegram.Messages(chat).Skip(first));
        Assert.Contains("already been sent every article", answer.PlainText, StringComparison.Ordinal);
        Assert.Contains("/subscribe", answer.PlainText, StringComparison.Ordinal);
    }

    private static async Task AskTwiceAsync(DeliveryScenario scenario, TimeSpan secondAfter)
    {
        const long chat = 6100;
        var telegram = scenario.Telegram;
        await using var sender = BackgroundSender.Start(scenario.App);
        var expected = Inbox.Expected(scenario.App.Services, await scenario.LatestEditionAsync(),
            Subscriber.New("telegram", chat.ToString(CultureInfo.InvariantCulture), ChatKind.Private, null, scenario.Clock.GetUtcNow()),
            DateOnly.FromDateTime(scenario.Clock.GetUtcNow().UtcDateTime));

        telegram.InjectMessage(chat, chat, "/digest");
        await telegram.WaitForMessagesAsync(chat, expected.Count);
        scenario.Clock.Advance(secondAfter);
        telegram.InjectMessage(chat, chat, "/digest");
        bool OnItsWay() => telegram.Messages(chat).Any(m => m.PlainText.Contains("on its way", StringComparison.Ordinal));
        await telegram.WaitUntilAsync(() => OnItsWay() || Inbox.EditionDates(telegram, chat).Count > 1, "the second ask answered");
        await scenario.WaitUntilSentAsync();

        Assert.Single(Inbox.EditionDates(telegram, chat));
        var messages = telegram.Messages(chat);
        Assert.Contains("on its way", messages[^1].PlainText, StringComparison.Ordinal);
        Inbox.ExactlyOnceInOrder(messages.SkipLast(1), expected);
    }
}
