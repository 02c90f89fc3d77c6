using System.Globalization;
using Digest.Core.Editions;
using Digest.Core.Subscriptions;
using Digest.Feeds.FeedLists;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;
using Digest.TestKit.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Telegram;

/// <summary><c>digest send --now</c> as an operator runs it: the real CLI in its own process.</summary>
public sealed class SendNowCommandTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);
    private readonly long[] _chats = [501, 502, 503];

    [Fact]
    public async Task Send_now_delivers_the_latest_edition_to_everyone_and_a_second_run_sends_nothing()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = 10 });
        await using (var setup = await TestApp.StartAsync(dir, delivery: false))
        {
            await Seed.EditionAsync(setup.Services, DateTimeOffset.UtcNow);
            await SubscribeAsync(setup);
        }

        await SendNowAsync(dir, telegram);
        var afterFirst = _chats.Select(c => telegram.Messages(c).Count).ToList();
        await SendNowAsync(dir, telegram);

        Assert.All(afterFirst, count => Assert.True(count >= 2, "chart and text parts"));
        Assert.Equal(afterFirst, _chats.Select(c => telegram.Messages(c).Count));
        Assert.All(_chats, c => Assert.True(telegram.Messages(c)[0].IsPhoto));
    }

    [Fact]
    public async Task Send_now_with_only_an_old_edition_collects_composes_a_fresh_one_and_delivers_that()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = 10 });
        await using var feeds = await FeedServer.StartAsync();
        var opml = Path.Combine(dir.Path, "feeds.opml");
        await File.WriteAllTextAsync(opml, Opml.Write(FixtureFeed.PublishAll(feeds, GoldenFixtures.Feeds, DateTimeOffset.UtcNow), "fixtures"));
        var settings = PipelineSettings.Fast();
        settings["Feeds:Opml"] = opml;
        settings["Feeds:WeeklyOpml"] = BriefingWeek.LocalWeeklyList(feeds, dir.Path, DateTimeOffset.UtcNow);
        Edition old;
        await using (var setup = await TestApp.StartAsync(dir, delivery: false))
        {
            var threeHoursAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-3));
            await Seed.ArticlesAsync(setup.Services, threeHoursAgo.GetUtcNow());
            old = await Clocks.Composer(setup.Services, threeHoursAgo).ComposeAsync(null, null, default);
            await SubscribeAsync(setup);
        }

        await SendNowAsync(dir, telegram, settings);

        await using var after = await TestApp.StartAsync(dir, delivery: false);
        var fresh = await after.Get<IEditionStore>().GetLatestAsync(EditionKind.Daily, default);
        Assert.NotEqual(old.Id, fresh!.Id);
        Assert.InRange(fresh.GeneratedAt, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow);
        var stamp = fresh.GeneratedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.All(_chats, c => Assert.Equal(new[] { stamp }, Inbox.GeneratedAt(telegram, c)));
        // The collect ran against the local feeds: the fresh edition carries their articles.
        Assert.Contains(fresh.Items, i => i.Url.StartsWith("https://simonwillison.net/", StringComparison.Ordinal));
    }

    private async Task SubscribeAsync(TestApp app)
    {
        foreach (var chat in _chats)
        {
            await app.Get<ISubscriberStore>().SaveAsync(
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

    /// <summary>Runs it to the end; it exits 0 when nothing is owed any more.</summary>
    private static async Task SendNowAsync(TestDirectory dir, FakeTelegramServer telegram, IDictionary<string, string?>? settings = null)
    {
        var environment = DigestProcess.Environment(dir.DatabasePath, telegram.BaseUrl);
        DigestProcess.Add(environment, settings ?? new Dictionary<string, string?>());
        environment["DIGEST__DELIVERY__LIMITS__TELEGRAM__PERCHATPERSECOND"] = "10";
        environment["DIGEST__DELIVERY__LIMITS__TELEGRAM__MESSAGESPERSECOND"] = "300";
        using var send = DigestProcess.Start(dir.Path, environment, "send", "--now");
        var exit = await send.WaitForExitAsync(RunLimit);
        Assert.True(exit == 0, $"send --now exited {exit}:\n{send.Output}");
    }
}
