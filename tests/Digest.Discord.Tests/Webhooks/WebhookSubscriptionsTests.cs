using Digest.Core.Articles;
using Digest.Core.Subscriptions;
using Digest.Discord.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Discord.Tests.Webhooks;

public sealed class WebhookSubscriptionsTests
{
    private const string Url = "https://discord.com/api/webhooks/1400000000000000001/token";
    private const string ChatId = "webhook:1400000000000000001";

    private static readonly DateTimeOffset Earlier = new(2026, 11, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemorySubscriberStore _store = new();

    [Fact]
    public async Task A_configured_webhook_becomes_an_active_daily_channel_from_now_on()
    {
        await StartAsync(new DiscordWebhookOptions { Url = Url, Time = "07:30", TimeZone = "Europe/Berlin" });

        var subscriber = Assert.Single(_store.All);
        Assert.Equal(("discord", ChatId, ChatKind.Channel), (subscriber.Platform, subscriber.ChatId, subscriber.Kind));
        Assert.True(subscriber.Active);
        Assert.Equal(Frequency.Daily, subscriber.Frequency);
        Assert.Equal(new TimeOnly(7, 30), subscriber.DeliveryTime);
        Assert.Equal("Europe/Berlin", subscriber.TimeZone);
        // Today's 07:30 Berlin is past: starting now, it is not owed, so nothing is sent as a backlog.
        Assert.Equal(_time.GetUtcNow(), subscriber.SubscribedAt);
    }

    [Fact]
    public async Task A_changed_time_or_zone_is_applied_and_other_settings_are_kept()
    {
        var running = await SeedAsync(active: true, Frequency.Both);

        await StartAsync(new DiscordWebhookOptions { Url = Url, Time = "18:00", TimeZone = "America/New_York" });

        var subscriber = Assert.Single(_store.All);
        Assert.Equal((new TimeOnly(18, 0), "America/New_York"), (subscriber.DeliveryTime, subscriber.TimeZone));
        Assert.Equal(Frequency.Both, subscriber.Frequency);
        Assert.Equal(5, subscriber.Top);
        Assert.Equal([Category.Security], subscriber.Categories);
        Assert.Equal(running.SubscribedAt, subscriber.SubscribedAt);
    }

    [Fact]
    public async Task An_unchanged_webhook_is_not_written_again()
    {
        await SeedAsync(active: true, Frequency.Daily);
        var saves = _store.Saves;

        await StartAsync(new DiscordWebhookOptions { Url = Url });

        Assert.Equal(saves, _store.Saves);
    }

    [Fact]
    public async Task An_inactive_webhook_is_subscribed_again_from_now_on()
    {
        await SeedAsync(active: false, Frequency.Daily);

        await StartAsync(new DiscordWebhookOptions { Url = Url });

        var subscriber = Assert.Single(_store.All);
        Assert.True(subscriber.Active);
        Assert.Equal(_time.GetUtcNow(), subscriber.SubscribedAt);
    }

    [Fact]
    public async Task A_webhook_removed_from_configuration_is_deactivated_and_others_are_left_alone()
    {
        await SeedAsync(active: true, Frequency.Daily);
        var botChannel = await _store.SaveAsync(
            Subscriber.New("discord", "1200000000000000001", ChatKind.Channel, "news", Earlier) with { Active = true, Frequency = Frequency.Daily },
            CancellationToken.None);

        await StartAsync();

        Assert.False(_store.All.Single(s => s.ChatId == ChatId).Active);
        Assert.True(_store.All.Single(s => s.Id == botChannel.Id).Active);
    }

    private async Task<Subscriber> SeedAsync(bool active, Frequency frequency) =>
        await _store.SaveAsync(
            Subscriber.New("discord", ChatId, ChatKind.Channel, null, Earlier) with
            {
                Active = active,
                Frequency = frequency,
                Top = 5,
                Categories = new HashSet<Category> { Category.Security },
            },
            CancellationToken.None);

    private async Task StartAsync(params DiscordWebhookOptions[] webhooks)
    {
        var options = Options.Create(new DiscordOptions { Webhooks = [.. webhooks] });
        var service = new WebhookSubscriptions(_store, new DiscordWebhooks(options), _time, NullLogger<WebhookSubscriptions>.Instance);
        await service.StartAsync(CancellationToken.None);
    }
}
