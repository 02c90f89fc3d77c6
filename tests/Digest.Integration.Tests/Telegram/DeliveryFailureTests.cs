using System.Globalization;
using Digest.Core.Delivery;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Telegram;

public sealed class DeliveryFailureTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static async Task<Subscriber> SubscribeAsync(TestApp app, long chat, ChatKind kind = ChatKind.Private) =>
        await app.Get<ISubscriberStore>().SaveAsync(
            Subscriber.New("telegram", chat.ToString(CultureInfo.InvariantCulture), kind, null, Now) with { Active = true, Frequency = Frequency.Daily },
            default);

    private static async Task ComposeAndDeliverAsync(TestApp app)
    {
        var clock = new FakeTimeProvider(Now);
        await Seed.ArticlesAsync(app.Services, Now);
        await Clocks.Composer(app.Services, clock).ComposeAsync(null, null, default);
        await Clocks.Planner(app.Services, clock).PlanDueAsync(default);
        await app.Get<OutboxSender>().RunAsync(untilIdle: true, default);
    }

    [Fact]
    public async Task A_chat_that_blocked_the_bot_is_deactivated_and_start_brings_it_back()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = 10 });
        await using var app = await TestApp.StartAsync(dir, TestApp.Telegram(telegram.BaseUrl, rateScale: 10));
        var blocked = await SubscribeAsync(app, 301);
        await SubscribeAsync(app, 302);
        telegram.BlockChat(301);

        await ComposeAndDeliverAsync(app);

        Assert.Empty(telegram.Messages(301));
        Assert.NotEmpty(telegram.Messages(302));
        var stored = await app.Get<ISubscriberStore>().GetByIdAsync(blocked.Id, default);
        Assert.False(stored!.Active);
        var counts = await app.Get<IOutbox>().CountAsync(null, default);
        Assert.Equal(0, counts.Pending + counts.Claimed);

        // The person unblocks the bot and says /start.
        await using var unblocked = await FakeTelegramServer.StartAsync();
        await using var again = await TestApp.StartAsync(dir, TestApp.Telegram(unblocked.BaseUrl));
        unblocked.InjectMessage(301, 301, "/start");
        var reply = (await unblocked.WaitForMessagesAsync(301, 1))[0];
        Assert.Contains("Welcome back", reply.PlainText, StringComparison.Ordinal);
        Assert.True((await again.Get<ISubscriberStore>().GetByIdAsync(blocked.Id, default))!.Active);
    }

    [Fact]
    public async Task A_group_upgraded_to_a_supergroup_gets_the_edition_at_its_new_id_and_keeps_it()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = 10 });
        await using var app = await TestApp.StartAsync(dir, TestApp.Telegram(telegram.BaseUrl, rateScale: 10));
        const long oldId = -4001, newId = -1004001;
        var group = await SubscribeAsync(app, oldId, ChatKind.Group);
        telegram.MigrateChat(oldId, newId);

        await ComposeAndDeliverAsync(app);

        Assert.Empty(telegram.Messages(oldId));
        var delivered = telegram.Messages(newId);
        Assert.NotEmpty(delivered);
        Assert.True(delivered[0].IsPhoto);
        var stored = await app.Get<ISubscriberStore>().GetByIdAsync(group.Id, default);
        Assert.Equal(newId.ToString(CultureInfo.InvariantCulture), stored!.ChatId);
        var counts = await app.Get<IOutbox>().CountAsync(null, default);
        Assert.Equal(delivered.Count, counts.Sent);
    }
}
