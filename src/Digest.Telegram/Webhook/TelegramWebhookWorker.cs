using Digest.Telegram.Receiving;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.Telegram.Webhook;

/// <summary>Webhook mode: handles the updates the endpoint queued, one at a time and in order, as long polling does.</summary>
internal sealed class TelegramWebhookWorker(WebhookQueue queue, TelegramUpdateHandler handler, ILogger<TelegramWebhookWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await handler.HandleAsync(update, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // The handler logs its own failures; anything that still escapes must not end the worker.
                    logger.LogError(e, "Telegram update {update_id} could not be handled: {error}", update.Id, e.Message);
                }
            }
        }
        finally
        {
            if (queue.Count > 0)
            {
                // Telegram had its 200 for these: they are not posted again.
                logger.LogWarning("{count} queued Telegram updates were not handled before shutdown", queue.Count);
            }
        }
    }
}
