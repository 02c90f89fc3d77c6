using Digest.Core.Conversation;
using Digest.Telegram.Commands;
using Digest.Telegram.Receiving;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Digest.Telegram.Polling;

/// <summary>
/// Long polling: removes any webhook, registers the commands, then asks for updates and handles each batch in order
/// within each chat, chats side by side (<see cref="ChatOrder"/>). After a failed poll or a failed update it pauses (Telegram:PollingErrorDelay) instead of hammering
/// the API, and goes on: only stopping the app ends the loop.
/// </summary>
internal sealed class TelegramPollingService(
    ITelegramBotClient bot,
    IEnumerable<ICommand> commands,
    TelegramUpdateHandler handler,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    // Well under the HttpClient's 100 s timeout, so a held poll never races it.
    private const int PollSeconds = 30;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.PollingErrorDelay;
        await StartupCalls.RunAsync(
            async ct =>
            {
                await bot.DeleteWebhook(cancellationToken: ct);
                await TelegramCommands.RegisterAsync(bot, commands, ct);
            },
            "deleteWebhook, setMyCommands", delay, time, logger, stoppingToken);
        logger.LogInformation("Telegram long polling started");

        var offset = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var updates = await PollAsync(offset, delay, stoppingToken);
            if (updates.Length == 0)
            {
                continue;
            }
            // Confirmed by the next poll, which waits for the whole batch: a crash redelivers the batch, and an update
            // that makes the handler fail is not redelivered forever.
            offset = updates[^1].Id + 1;
            await ChatOrder.RunAsync(updates, UpdateMapper.ChatKey, (update, ct) => HandleAsync(update, delay, ct), stoppingToken);
        }
    }

    /// <summary>The next updates; none after a failed poll, once the pause is over.</summary>
    private async Task<Update[]> PollAsync(int offset, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            return await bot.GetUpdates(offset, 100, PollSeconds, UpdateMapper.AllowedUpdates, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Telegram getUpdates failed, retrying in {delay}: {error}", delay, e.Message);
            await Task.Delay(delay, time, stoppingToken);
            return [];
        }
    }

    private async Task HandleAsync(Update update, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await handler.HandleAsync(update, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The handler logs its own failures; anything that still escapes must not end polling for everyone.
            logger.LogError(e, "Telegram update {update_id} could not be handled, going on in {delay}: {error}", update.Id, delay, e.Message);
            await Task.Delay(delay, time, stoppingToken);
        }
    }
}
