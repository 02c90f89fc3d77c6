using System.Globalization;
using Digest.Core.Delivery;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Discord;
using Digest.TestKit.Telegram;
using Xunit.Abstractions;

namespace Digest.Integration.Tests.Discord;

/// <summary>The daily post to Discord channels through the same outbox as Telegram: a SIGKILL mid-broadcast loses nothing.</summary>
public sealed class DiscordKillRecoveryTests(ITestOutputHelper output)
{
    private const int Channels = 12;

    [Fact]
    public async Task After_a_SIGKILL_mid_post_the_next_send_now_finishes_every_channels_post_once()
    {
        using var dir = new TestDirectory();
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var telegram = await FakeTelegramServer.StartAsync();
        IReadOnlyList<MessagePart> expected;
        var channels = Enumerable.Range(1, Channels).Select(i => (1_700_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
        var discordSettings = new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = FakeDiscordServer.DefaultToken,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            // `send` opens no gateway; pointing it nowhere proves that.
            ["Discord:Gateway:Url"] = "ws://127.0.0.1:9/",
        };
        await using (var setup = await TestApp.StartAsync(dir, discordSettings, delivery: true))
        {
            var edition = await Seed.EditionAsync(setup.Services, DateTimeOffset.UtcNow, articles: 12);
            Subscriber? any = null;
            foreach (var channel in channels)
            {
                any = await setup.Get<ISubscriberStore>().SaveAsync(
                    Subscriber.New("discord", channel, ChatKind.Group, "news", DateTimeOffset.UtcNow) with { Active = true, Frequency = Frequency.Daily },
                    default);
            }
            expected = Inbox.Expected(setup.Services, edition, any!, DateOnly.FromDateTime(DateTime.UtcNow));
        }
        Assert.Equal(MessageFormat.DiscordMarkdown, expected[0].Format);
        var total = Channels * expected.Count;
        var environment = DigestProcess.Environment(dir.DatabasePath, telegram.BaseUrl);
        DigestProcess.Add(environment, discordSettings);
        // Slow enough that the kill lands mid-broadcast with at most one send on its way.
        environment["DIGEST__DELIVERY__LIMITS__DISCORD__MESSAGESPERSECOND"] = "8";

        IReadOnlyList<DiscordRecordedRequest> Posts() =>
            discord.RequestsTo("POST /channels/{id}/messages").Where(r => r.Status is >= 200 and < 300).ToList();

        using (var first = DigestProcess.Start(dir.Path, environment, "send", "--now"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Posts().Count < total / 2)
            {
                Assert.True(DateTime.UtcNow < deadline, $"half the post did not go out:\n{first.Output}");
                await Task.Delay(20);
            }
            first.Kill();
        }
        var beforeKill = Posts().Count;
        Assert.InRange(beforeKill, total / 2, total - 1);

        using (var second = DigestProcess.Start(dir.Path, environment, "send", "--now"))
        {
            var exit = await second.WaitForExitAsync(TimeSpan.FromSeconds(120));
            Assert.True(exit == 0, $"the second send --now exited {exit}:\n{second.Output}");
        }

        var repeats = 0;
        foreach (var channel in channels)
        {
            var received = Posts().Where(p => p.Path.Contains($"/channels/{channel}/", StringComparison.Ordinal))
                .Select(p => (string?)p.Json?["content"] ?? "").ToList();
            var distinct = received.Distinct().ToList();
            Assert.Equal(expected.Select(e => e.Text), distinct);
            repeats += received.Count - distinct.Count;
        }
        output.WriteLine($"{total} messages; {beforeKill} out before the kill; {repeats} repeated");
        Assert.InRange(repeats, 0, 1);
        // One thread per channel, on its post's first message, also for channels whose post the second run finished.
        Assert.Equal(Channels, discord.RequestsTo("POST /channels/{id}/messages/{id}/threads").Select(t => ChannelOf(t.Path)).Distinct().Count());
    }

    private static string ChannelOf(string path)
    {
        var segments = path.Split('/');
        return segments[Array.IndexOf(segments, "channels") + 1];
    }
}
