using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.Telegram;

/// <summary>Says at start, once, that Telegram is off and why; the rest of the app runs on.</summary>
internal sealed class TelegramOffNotice(ILogger<TelegramOffNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("Telegram:BotToken is not set; Telegram is off");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
