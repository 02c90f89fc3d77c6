using Digest.Core.Delivery;
using Quartz;

namespace Digest.App.Jobs;

/// <summary>Enqueues the latest edition for subscribers whose local delivery time has come.</summary>
[DisallowConcurrentExecution]
internal sealed class PlanDeliveriesJob(DeliveryPlanner planner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await planner.PlanDueAsync(ct);
}
