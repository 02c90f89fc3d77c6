using Digest.Core.Conversation;
using Digest.Telegram.Receiving;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace Digest.Telegram.Webhook;

/// <summary>
/// Webhook mode: handles the updates the endpoint queued as long polling does, in batches of what has arrived, in
/// order within each chat and chats side by side (<see cref="ChatOrder"/>).
/// </summary>
internal sealed class TelegramWebhookWorker(WebhookQueue queue, TelegramUpdateHandler handler, ILogger<TelegramWebhookWorker> logger)
    : BackgroundService
{
    private const int MaxBatch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var batch = new List<Update>(MaxBatch);
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var update))
                {
                    batch.Add(update);
                }
                await ChatOrder.RunAsync(batch, UpdateMapper.ChatKey, HandleAsync, stoppingToken);
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

    private async Task HandleAsync(Update update, CancellationToken stoppingToken)
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
