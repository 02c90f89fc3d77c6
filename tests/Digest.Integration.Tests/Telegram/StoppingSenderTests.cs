using System.Net;
using System.Net.Sockets;
using Digest.Core.Delivery;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;

namespace Digest.Integration.Tests.Telegram;

public sealed class StoppingSenderTests
{
    [Fact]
    public async Task A_stopping_sender_keeps_its_claim_alive_until_its_last_send_is_finished()
    {
        // A Bot API that accepts the connection and never answers: the send is in flight until its timeout.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<TcpClient>();
        var sendsSeen = 0;
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var client = await silent.AcceptTcpClientAsync();
                lock (accepted)
                {
                    accepted.Add(client);
                }
                _ = Task.Run(async () =>
                {
                    // The bot's start-up calls (deleteWebhook) hang here too; only the send counts.
                    var buffer = new byte[4096];
                    var read = await client.GetStream().ReadAsync(buffer);
                    if (System.Text.Encoding.ASCII.GetString(buffer, 0, read).Contains("/sendMessage", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref sendsSeen);
                    }
                });
            }
        });
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
        var settings = TestApp.Telegram(url);
        settings["Delivery:SendTimeout"] = "00:00:04";
        settings["Delivery:Lease"] = "00:00:10";
        settings["Delivery:Heartbeat"] = "00:00:00.250";
        settings["Delivery:StaleAfter"] = "00:00:01";

        using var dir = new TestDirectory();
        await using var app = await TestApp.StartAsync(dir, settings);
        var now = DateTimeOffset.UtcNow;
        var edition = await Seed.EditionAsync(app.Services, now);
        var subscriber = await app.Get<ISubscriberStore>().SaveAsync(
            Subscriber.New("telegram", "4242", ChatKind.Private, null, now) with { Active = true, Frequency = Frequency.Daily }, default);
        var outbox = app.Get<IOutbox>();
        await outbox.EnqueueAsync(
            new DeliveryRequest(subscriber.Id, DeliveryKind.Daily, DeliveryTimes.DailySlot(DateOnly.FromDateTime(now.UtcDateTime)), edition.Id, now),
            [new MessagePart(MessageFormat.Plain, "Hello")], default);

        using var stop = new CancellationTokenSource();
        var running = app.Get<OutboxSender>().RunAsync(untilDone: false, stop.Token);
        await WaitUntilAsync(() => Volatile.Read(ref sendsSeen) > 0);
        await stop.CancelAsync();

        // Well past StaleAfter, the send is still in flight: another sender must not take the row and send it again.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var other = await outbox.ClaimAsync("another-sender", 10, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), default);
        Assert.Empty(other);

        await running;
        var report = await outbox.ReportAsync(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), default);
        Assert.Equal(1, report.OwedTotal);
        Assert.Contains(report.Owed, o => o.Reason.Contains("unavailable", StringComparison.Ordinal));
        lock (accepted)
        {
            accepted.ForEach(c => c.Dispose());
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the send never reached the server");
            await Task.Delay(20);
        }
    }
}
