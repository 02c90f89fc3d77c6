using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using static Digest.Integration.Tests.Support.Moments;

namespace Digest.Integration.Tests.Telegram;

public sealed class StorageFailureTests
{
    [Fact]
    public async Task A_storage_error_while_claiming_does_not_stop_the_sender_and_everything_still_goes_out_once()
    {
        // Two rows a claim, so claims fail while the workers of the first claim are still sending.
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:ClaimBatch"] = "2",
            ["Delivery:PollInterval"] = "00:00:00.100",
        };
        await using var scenario = await DeliveryScenario.StartAsync(Utc(7, 1, 7, 30), settings,
            new ScenarioOptions(Replace: services => FlakyOutbox.Install(services, claim => claim is >= 2 and <= 4)));
        var telegram = scenario.Telegram;
        long[] chats = [.. Enumerable.Range(7001, 5)];
        Subscriber? any = null;
        foreach (var chat in chats)
        {
            any = await scenario.SubscribeAsync(chat, since: Utc(6, 30, 0));
        }
        Assert.Equal(chats.Length, (await scenario.PlanAtAsync(Utc(7, 1, 8))).Planned);
        var expected = Inbox.Expected(scenario.App.Services, await scenario.LatestEditionAsync(), any!, Day(7, 1));

        await using (BackgroundSender.Start(scenario.App))
        {
            await telegram.WaitUntilAsync(() => telegram.AllMessages.Count >= chats.Length * expected.Count, "every part", TimeSpan.FromSeconds(30));
            await scenario.WaitUntilSentAsync();
        }

        Assert.Equal(3, scenario.App.Get<FlakyOutbox>().FailedClaims);
        Assert.All(chats, chat => Inbox.ExactlyOnceInOrder(telegram, chat, expected));
        Assert.All(await OutboxFile.RowsAsync(scenario.Directory.DatabasePath), row => Assert.Equal(("sent", 0), (row.State, row.Attempts)));
    }
}
