using Digest.Core.Delivery;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Digest.App.Jobs;

/// <summary>Collects and assesses on the schedule, then wakes the planner: deliveries waiting for a first edition get it now.</summary>
[DisallowConcurrentExecution]
internal sealed class CollectJob(CollectAndAssess collect, DeliverySignals signals, ILogger<CollectJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            await collect.RunAsync(null, ct);
            signals.Collected();
            ReturnMemory();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping; the next start collects again.
        }
#pragma warning disable CA1031 // One failed run (the database, say) must not end the schedule: the next trigger tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Collecting failed; the next scheduled run tries again");
            // Deliveries waiting for this collect go ahead with what is stored.
            signals.Collected();
        }
    }

    /// <summary>
    /// A collect is a burst (thousands of items parsed, grouped and stored) followed by half an hour of near silence,
    /// in which nothing allocates enough to start a collection: without one, the burst's garbage would stay resident
    /// until the next run. One aggressive collection gives it back to the system now.
    /// </summary>
    private static void ReturnMemory() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
