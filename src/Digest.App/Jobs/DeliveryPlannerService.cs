using Digest.Core.Delivery;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.App.Jobs;

/// <summary>
/// Plans deliveries every Delivery:PlanEvery, and at once when nudged (a /digest waiting for an edition, a collect that
/// finished). A loop rather than a Quartz trigger, because a nudge must wake it. A failed pass is logged and retried.
/// </summary>
internal sealed class DeliveryPlannerService(
    DeliveryPlanner planner,
    DeliverySignals signals,
    DeliveryOptions options,
    ScheduleOptions schedule,
    TimeProvider time,
    ILogger<DeliveryPlannerService> logger) : BackgroundService
{
    // After downtime, deliveries owed meanwhile are made up with a fresh edition: composed after the start-up collect,
    // not from what was stored before the host went down. A collect that takes longer than this does not hold them back.
    private static readonly TimeSpan FirstCollectWait = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (schedule.CollectOnStart)
        {
            try
            {
                await signals.WaitForFirstCollectAsync(FirstCollectWait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await planner.PlanDueAsync(stoppingToken);
                await signals.WaitForPlanAsync(options.PlanEvery, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass (the database, a compose) must not end planning: the next pass makes it up.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Planning deliveries failed; trying again in {cooldown}", options.PlanEvery);
                await CoolDownAsync(stoppingToken);
            }
        }
    }

    private async Task CoolDownAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.PlanEvery, time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the loop ends.
        }
    }
}
