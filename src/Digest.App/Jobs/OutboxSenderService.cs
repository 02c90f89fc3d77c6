using Digest.Core.Delivery;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.App.Jobs;

/// <summary>Keeps the outbox drained while the service runs; a stop lets in-flight sends finish and be recorded.</summary>
internal sealed class OutboxSenderService(OutboxSender sender, TimeProvider time, ILogger<OutboxSenderService> logger) : BackgroundService
{
    // Long enough not to spin on a failure that repeats, short next to the heartbeat's StaleAfter: a restarted run
    // takes its own old claims back quickly.
    private static readonly TimeSpan Cooldown = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sender.RunAsync(untilDone: false, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever ended this run, the outbox still needs draining: restart after a pause.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "The outbox sender failed; restarting in {cooldown}", Cooldown);
                try
                {
                    await Task.Delay(Cooldown, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
