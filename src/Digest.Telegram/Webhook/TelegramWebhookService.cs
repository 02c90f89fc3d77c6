using Digest.Core.Conversation;
using Digest.Telegram.Commands;
using Digest.Telegram.Receiving;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Digest.Telegram.Webhook;

/// <summary>Webhook mode: tells Telegram where to post updates (with our secret) and registers the commands.</summary>
internal sealed class TelegramWebhookService(
    ITelegramBotClient bot,
    IEnumerable<ICommand> commands,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramWebhookService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await StartupCalls.RunAsync(
            async ct =>
            {
                await bot.SetWebhook(
                    settings.WebhookUrl!, allowedUpdates: UpdateMapper.AllowedUpdates, secretToken: settings.WebhookSecret, cancellationToken: ct);
                await TelegramCommands.RegisterAsync(bot, commands, ct);
            },
            "setWebhook, setMyCommands", settings.PollingErrorDelay, time, logger, stoppingToken);
        logger.LogInformation("Telegram webhook registered");
    }
}
