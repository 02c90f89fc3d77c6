using System.Globalization;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Telegram;

public sealed class CrashRecoveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private const int Subscribers = 12;

    [Fact]
    public async Task Stopping_the_host_mid_broadcast_and_restarting_delivers_every_part_exactly_once()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = 4 });
        var settings = TestApp.Telegram(telegram.BaseUrl, rateScale: 4);
        int partsEach;
        IReadOnlyList<MessagePart> expected;

        await using (var first = await TestApp.StartAsync(dir, settings))
        {
            // Composed at 06:00, planned at 09:00: after everyone's 08:00, with a fresh edition composed for the slot.
            var clock = new FakeTimeProvider(Now.AddHours(-3));
            await Seed.ArticlesAsync(first.Services, clock.GetUtcNow(), 12);
            await Clocks.Composer(first.Services, clock).ComposeAsync(null, null, default);
            clock.SetUtcNow(Now);
            var store = first.Get<ISubscriberStore>();
            Subscriber? any = null;
            for (var i = 1; i <= Subscribers; i++)
            {
                any = await store.SaveAsync(Subscriber.New("telegram", (1000 + i).ToString(CultureInfo.InvariantCulture), ChatKind.Private, null, Now.AddDays(-1)) with
                {
                    Active = true,
                    Frequency = Frequency.Daily,
                }, default);
            }
            Assert.Equal(Subscribers, (await Clocks.Planner(first.Services, clock).PlanDueAsync(default)).Planned);
            var edition = await first.Get<IEditionStore>().GetLatestAsync(EditionKind.Daily, default);
            expected = Inbox.Expected(first.Services, edition!, any!, DateOnly.FromDateTime(Now.UtcDateTime));
            var counts = await first.Get<IOutbox>().CountAsync(null, default);
            partsEach = counts.Pending / Subscribers;
            Assert.Equal(expected.Count, partsEach);

            using var stop = new CancellationTokenSource();
            var sending = first.Get<OutboxSender>().RunAsync(untilDone: false, stop.Token);
            await telegram.WaitUntilAsync(() => telegram.AllMessages.Count >= Subscribers * partsEach / 3, "a third of the broadcast");
            await stop.CancelAsync();
            await sending;
        }
        var sentBeforeCrash = telegram.AllMessages.Count;
        Assert.InRange(sentBeforeCrash, 1, Subscribers * partsEach - 1);

        await using (var second = await TestApp.StartAsync(dir, settings))
        {
            await second.Get<OutboxSender>().RunAsync(untilDone: true, default);
            var counts = await second.Get<IOutbox>().CountAsync(null, default);
            Assert.Equal(0, counts.Pending + counts.Claimed);
        }

        for (var i = 1; i <= Subscribers; i++)
        {
            // The chart first, every part once, also across the restart.
            Inbox.ExactlyOnceInOrder(telegram, 1000 + i, expected);
        }
        Assert.Equal(0, telegram.TooManyRequests);
    }
}
