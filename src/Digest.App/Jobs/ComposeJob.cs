using Digest.Core.Delivery;
using Digest.Core.Editions;
using Quartz;

namespace Digest.App.Jobs;

/// <summary>
/// Composes today's daily edition once: at the scheduled time, or on start when the host was down then.
/// Then plans deliveries, so subscribers whose time has passed get it right away.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ComposeJob(
    DailyEditionService editions,
    DeliveryPlanner planner,
    ScheduleOptions schedule) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await editions.ComposeIfDueAsync(schedule.ComposeAt, ct);
        await planner.PlanDueAsync(ct);
    }
}
