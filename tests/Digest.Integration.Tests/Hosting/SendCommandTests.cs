using System.Globalization;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;

namespace Digest.Integration.Tests.Hosting;

/// <summary><c>digest send --retry-failed</c> as a user runs it: a child process against the fake Bot API.</summary>
public sealed class SendCommandTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Send_retry_failed_puts_a_failed_message_back_and_sends_it_without_planning_anything_new()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = 10 });
        await SubscribeWithAnEditionAsync(dir, 602);
        var environment = DigestProcess.Environment(dir.DatabasePath, telegram.BaseUrl);
        DigestProcess.Add(environment, new Dictionary<string, string?>
        {
            ["Delivery:Limits:telegram:MessagesPerSecond"] = "300",
            ["Delivery:Limits:telegram:PerChatPerSecond"] = "10",
        });
        // The chart is the first part: Telegram refuses it as this message's own fault, so it fails for good.
        telegram.FailNext("sendPhoto", 400, "Bad Request: wrong file identifier/HTTP URL specified");

        string first;
        using (var now = DigestProcess.Start(dir.Path, environment, "send", "--now"))
        {
            await now.WaitForExitAsync(RunLimit);
            first = now.Output;
        }
        var afterFirst = telegram.Messages(602).Count;
        int exit;
        string[] lines;
        using (var retry = DigestProcess.Start(dir.Path, environment, "send", "--retry-failed"))
        {
            exit = await retry.WaitForExitAsync(RunLimit);
            lines = Lines(retry.Output);
        }

        Assert.Contains(Lines(first), l => l.StartsWith("Failed so far: 1 messages — 1 telegram: Bad Request", StringComparison.Ordinal));
        Assert.Equal(0, exit);
        Assert.Contains("Put 1 failed messages of the last 24 hours back in the queue.", lines);
        Assert.Contains(lines, l => l.StartsWith("Sent 1 messages, 0 failed, ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Enqueued", StringComparison.Ordinal));
        Assert.Equal(afterFirst + 1, telegram.Messages(602).Count);
        Assert.Contains(telegram.Messages(602), m => m.IsPhoto);
    }

    /// <summary>A stored edition and one daily subscriber who is not due for hours: send --now ignores the schedule.</summary>
    private static async Task SubscribeWithAnEditionAsync(TestDirectory dir, long chat)
    {
        await using var setup = await TestApp.StartAsync(dir, delivery: false);
        await Seed.EditionAsync(setup.Services, DateTimeOffset.UtcNow);
        await setup.Get<ISubscriberStore>().SaveAsync(
            Subscriber.New("telegram", chat.ToString(CultureInfo.InvariantCulture), ChatKind.Private, null, DateTimeOffset.UtcNow) with
            {
                Active = true,
                Frequency = Frequency.Daily,
                DeliveryTime = TimeOnly.FromDateTime(DateTime.UtcNow.AddHours(-12)),
            },
            default);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
