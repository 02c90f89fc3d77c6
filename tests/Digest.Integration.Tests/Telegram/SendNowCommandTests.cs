using System.Globalization;
using Digest.App.Cli;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Pipeline;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;

namespace Digest.Integration.Tests.Telegram;

[Collection(nameof(ProcessWideCollection))]
public sealed class SendNowCommandTests
{
    [Fact]
    public async Task Send_now_delivers_the_latest_edition_to_everyone_and_a_second_run_sends_nothing()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = 10 });
        long[] chats = [501, 502, 503];
        await using (var setup = await TestApp.StartAsync(dir, delivery: false))
        {
            await Seed.EditionAsync(setup.Services, DateTimeOffset.UtcNow);
            foreach (var chat in chats)
            {
                await setup.Get<ISubscriberStore>().SaveAsync(
                    Subscriber.New("telegram", chat.ToString(CultureInfo.InvariantCulture), ChatKind.Private, null, DateTimeOffset.UtcNow) with
                    {
                        Active = true,
                        Frequency = Frequency.Daily,
                        // Not due for hours: send --now ignores the schedule.
                        DeliveryTime = TimeOnly.FromDateTime(DateTime.UtcNow.AddHours(-12)),
                    },
                    default);
            }
        }

        var variables = new Dictionary<string, string?>
        {
            ["DIGEST__STORAGE__PATH"] = dir.DatabasePath,
            ["DIGEST__TELEGRAM__BOTTOKEN"] = FakeTelegramServer.DefaultToken,
            ["DIGEST__TELEGRAM__APIBASEURL"] = telegram.BaseUrl.ToString(),
            ["DIGEST__DELIVERY__LIMITS__TELEGRAM__PERCHATPERSECOND"] = "10",
            ["DIGEST__DELIVERY__LIMITS__TELEGRAM__MESSAGESPERSECOND"] = "300",
        };
        var previous = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        int first, second;
        int[] afterFirst;
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
            first = await SendCommand.RunAsync(new CliArguments(["--now"]), default);
            afterFirst = [.. chats.Select(c => telegram.Messages(c).Count)];
            second = await SendCommand.RunAsync(new CliArguments(["--now"]), default);
        }
        finally
        {
            foreach (var (name, value) in previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.All(afterFirst, count => Assert.True(count >= 2, "chart and text parts"));
        Assert.Equal(afterFirst, chats.Select(c => telegram.Messages(c).Count));
        Assert.All(chats, c => Assert.True(telegram.Messages(c)[0].IsPhoto));
    }
}
