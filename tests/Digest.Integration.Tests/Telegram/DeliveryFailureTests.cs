using System.Globalization;
using Digest.Core.Delivery;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;

namespace Digest.Integration.Tests.Telegram;

public sealed class DeliveryFailureTests
{
    private static readonly DateTimeOffset ComposedAt = new(2026, 7, 1, 6, 0, 0, TimeSpan.Zero);

    /// <summary>After everyone's default 08:00.</summary>
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_chat_that_blocked_the_bot_is_deactivated_and_start_brings_it_back()
    {
        await using var scenario = await DeliveryScenario.StartAsync(ComposedAt);
        var (telegram, app) = (scenario.Telegram, scenario.App);
        var blocked = await scenario.SubscribeAsync(301);
        await scenario.SubscribeAsync(302);
        telegram.BlockChat(301);

        scenario.Clock.SetUtcNow(Now);
        await scenario.PlanAndSendAsync();

        Assert.Empty(telegram.Messages(301));
        Assert.NotEmpty(telegram.Messages(302));
        var stored = await app.Get<ISubscriberStore>().GetByIdAsync(blocked.Id, default);
        Assert.False(stored!.Active);
        var counts = await app.Get<IOutbox>().CountAsync(null, default);
        Assert.Equal(0, counts.Pending + counts.Claimed);

        // The person unblocks the bot and says /start.
        await using var unblocked = await FakeTelegramServer.StartAsync();
        await using var again = await TestApp.StartAsync(scenario.Directory, TestApp.Telegram(unblocked.BaseUrl));
        unblocked.InjectMessage(301, 301, "/start");
        var reply = (await unblocked.WaitForMessagesAsync(301, 1))[0];
        Assert.Contains("Welcome back", reply.PlainText, StringComparison.Ordinal);
        Assert.True((await again.Get<ISubscriberStore>().GetByIdAsync(blocked.Id, default))!.Active);
    }

    [Fact]
    public async Task A_group_upgraded_to_a_supergroup_gets_the_edition_at_its_new_id_and_keeps_it()
    {
        await using var scenario = await DeliveryScenario.StartAsync(ComposedAt);
        var (telegram, app) = (scenario.Telegram, scenario.App);
        const long oldId = -4001, newId = -1004001;
        var group = await scenario.SubscribeAsync(oldId, ChatKind.Group);
        telegram.MigrateChat(oldId, newId);

        scenario.Clock.SetUtcNow(Now);
        await scenario.PlanAndSendAsync();

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
