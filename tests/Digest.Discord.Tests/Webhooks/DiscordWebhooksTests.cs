using Digest.Discord.Webhooks;
using Microsoft.Extensions.Options;

namespace Digest.Discord.Tests.Webhooks;

public sealed class DiscordWebhooksTests
{
    [Fact]
    public void Webhook_url_and_list_are_read_into_id_token_time_and_zone()
    {
        var webhooks = new DiscordWebhooks(Options.Create(new DiscordOptions
        {
            WebhookUrl = "https://discord.com/api/webhooks/1400000000000000001/tok-en_1",
            Webhooks =
            [
                new DiscordWebhookOptions { Url = "https://discordapp.com/api/v10/webhooks/1400000000000000002/other", Time = "07:30", TimeZone = "Europe/Berlin" },
            ],
        }));

        Assert.Equal(["webhook:1400000000000000001", "webhook:1400000000000000002"], webhooks.All.Select(w => w.ChatId));
        Assert.True(webhooks.TryGet("webhook:1400000000000000001", out var first));
        Assert.Equal("tok-en_1", first.Token);
        Assert.Equal(new TimeOnly(8, 0), first.DeliveryTime);
        Assert.Equal("UTC", first.TimeZone);
        Assert.True(webhooks.TryGet("webhook:1400000000000000002", out var second));
        Assert.Equal(("other", new TimeOnly(7, 30), "Europe/Berlin"), (second.Token, second.DeliveryTime, second.TimeZone));
        Assert.DoesNotContain("tok-en_1", first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bot_channels_and_unknown_webhooks_are_not_webhooks()
    {
        var webhooks = new DiscordWebhooks(Options.Create(new DiscordOptions()));

        Assert.Empty(webhooks.All);
        Assert.False(webhooks.TryGet("1200000000000000001", out _));
        Assert.False(webhooks.TryGet("webhook:1400000000000000001", out _));
    }

    [Fact]
    public void A_loopback_webhook_counts_only_while_the_api_is_on_loopback()
    {
        const string url = "http://127.0.0.1:5999/api/v10/webhooks/1400000000000000001/token";

        var forTests = new DiscordWebhooks(Options.Create(new DiscordOptions { ApiBaseUrl = "http://127.0.0.1:5999/api/v10", WebhookUrl = url }));
        var forReal = new DiscordWebhooks(Options.Create(new DiscordOptions { WebhookUrl = url }));

        Assert.Single(forTests.All);
        Assert.Empty(forReal.All);
    }
}
