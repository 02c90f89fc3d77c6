using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.Discord;

/// <summary>Says at start, once, that Discord is off and why; the rest of the app runs on.</summary>
internal sealed class DiscordOffNotice(ILogger<DiscordOffNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Discord:BotToken and Discord:WebhookUrl are not set; Discord is off");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
