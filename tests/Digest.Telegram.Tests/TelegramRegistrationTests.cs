using Digest.Core.Delivery;
using Digest.Telegram.Polling;
using Digest.Telegram.Tests.TestSupport;
using Digest.Telegram.Webhook;
using Digest.TestKit.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Digest.Telegram.Tests;

public sealed class TelegramRegistrationTests
{
    [Fact]
    public async Task Without_a_bot_token_nothing_is_registered_and_a_warning_names_the_setting()
    {
        await using var host = await TelegramTestHost.CreateAsync(new Dictionary<string, string?>());

        Assert.Empty(host.Services.GetServices<IChannel>());
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("Telegram:BotToken is not set; Telegram is off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_webhook_mode_has_the_webhook_queue_and_its_worker_and_only_polling_mode_polls()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        await using var polling = await TelegramTestHost.CreateAsync(TelegramTestHost.Settings(server), start: false);
        await using var webhook = await TelegramTestHost.CreateAsync(
            TelegramTestHost.Settings(
                server, ("Telegram:Mode", "Webhook"), ("Telegram:WebhookUrl", "https://digest.example/hook"), ("Telegram:WebhookSecret", "abc")),
            start: false);

        var pollingServices = polling.Services.GetServices<IHostedService>().ToList();
        var webhookServices = webhook.Services.GetServices<IHostedService>().ToList();

        Assert.Null(polling.Services.GetService<WebhookQueue>());
        Assert.DoesNotContain(pollingServices, s => s is TelegramWebhookWorker or TelegramWebhookService);
        Assert.Contains(pollingServices, s => s is TelegramPollingService);
        Assert.NotNull(webhook.Services.GetService<WebhookQueue>());
        Assert.Contains(webhookServices, s => s is TelegramWebhookWorker);
        Assert.Contains(webhookServices, s => s is TelegramWebhookService);
        Assert.DoesNotContain(webhookServices, s => s is TelegramPollingService);
    }

    [Theory]
    [InlineData(null, "Telegram:WebhookSecret is required when Telegram:Mode is Webhook")]
    [InlineData("has spaces", "Telegram:WebhookSecret must be 1 to 256 characters")]
    public async Task Webhook_mode_needs_a_valid_secret(string? secret, string error)
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var settings = TelegramTestHost.Settings(
            server, ("Telegram:Mode", "Webhook"), ("Telegram:WebhookUrl", "https://digest.example/hook"), ("Telegram:WebhookSecret", secret));
        await using var host = await TelegramTestHost.CreateAsync(settings, start: false);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Host.StartAsync());

        Assert.Contains(error, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_mode_needs_an_https_url()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var settings = TelegramTestHost.Settings(
            server, ("Telegram:Mode", "Webhook"), ("Telegram:WebhookUrl", "http://digest.example/hook"), ("Telegram:WebhookSecret", "abc"));
        await using var host = await TelegramTestHost.CreateAsync(settings, start: false);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Host.StartAsync());

        Assert.Contains("Telegram:WebhookUrl must be an absolute https URL", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_token_is_refused_without_showing_it()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var settings = TelegramTestHost.Settings(server, ("Telegram:BotToken", "not-a-token-secret"));
        await using var host = await TelegramTestHost.CreateAsync(settings, start: false);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Host.StartAsync());

        Assert.Contains("Telegram:BotToken must look like", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-token-secret", failure.Message, StringComparison.Ordinal);
    }
}
