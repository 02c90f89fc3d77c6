using System.Diagnostics;
using System.Globalization;
using Digest.Core.Delivery;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Pipeline;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;
using Xunit.Abstractions;

namespace Digest.Integration.Tests.Telegram;

/// <summary>Alone in its collection: it measures seconds, which parallel tests would blur.</summary>
[Collection(nameof(ProcessWideCollection))]
public sealed class KillRecoveryTests(ITestOutputHelper output)
{
    private const int Chats = 60;
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_a_SIGKILL_mid_broadcast_the_next_send_now_finishes_within_30_seconds_losing_nothing()
    {
        using var dir = new TestDirectory();
        // Telegram's real limits.
        await using var telegram = await FakeTelegramServer.StartAsync();
        IReadOnlyList<MessagePart> expected;
        await using (var setup = await TestApp.StartAsync(dir))
        {
            // Composed on the real clock, as the child runs on it: fresh, so send --now sends this one.
            var edition = await Seed.EditionAsync(setup.Services, DateTimeOffset.UtcNow, articles: 12);
            Subscriber? any = null;
            for (var chat = 1; chat <= Chats; chat++)
            {
                any = await setup.Get<ISubscriberStore>().SaveAsync(
                    Subscriber.New("telegram", chat.ToString(CultureInfo.InvariantCulture), ChatKind.Private, null, DateTimeOffset.UtcNow) with
                    {
                        Active = true,
                        Frequency = Frequency.Daily,
                    },
                    default);
            }
            expected = Inbox.Expected(setup.Services, edition, any!, DateOnly.FromDateTime(DateTime.UtcNow));
        }
        var total = Chats * expected.Count;
        var environment = DigestProcess.Environment(dir.DatabasePath, telegram.BaseUrl);
        // One send at a time overall (a token every 1/14 s): when the kill lands, at most one is on its way.
        environment["DIGEST__DELIVERY__LIMITS__TELEGRAM__MESSAGESPERSECOND"] = "14";

        using (var first = DigestProcess.Start(dir.Path, environment, "send", "--now"))
        {
            await telegram.WaitUntilAsync(() => telegram.AllMessages.Count >= total / 2, "half the broadcast", TimeSpan.FromSeconds(60));
            first.Kill();
        }
        var beforeKill = telegram.AllMessages.Count;
        Assert.InRange(beforeKill, total / 2, total - 1);

        // The dead run still holds every row it had not sent: the next run takes them over once its heartbeat is stale.
        var clock = Stopwatch.StartNew();
        using (var second = DigestProcess.Start(dir.Path, environment, "send", "--now"))
        {
            var exit = await second.WaitForExitAsync(TimeSpan.FromSeconds(120));
            clock.Stop();
            Assert.True(exit == 0, $"the second send --now exited {exit}:\n{second.Output}");
        }

        output.WriteLine($"{total} messages; {beforeKill} out before the kill; the next run took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(clock.Elapsed < Promise, $"the second send --now took {clock.Elapsed.TotalSeconds:F1} s");
        var repeats = Enumerable.Range(1, Chats).Sum(chat => Inbox.AllInOrderCountingRepeats(telegram, chat, expected));
        output.WriteLine($"{repeats} repeated");
        Assert.InRange(repeats, 0, 1);
        Assert.Equal(total + repeats, telegram.AllMessages.Count);
        Assert.Equal(0, telegram.TooManyRequests);
    }
}
