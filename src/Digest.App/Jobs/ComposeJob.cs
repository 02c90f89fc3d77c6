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
    IEditionStore store,
    DeliveryPlanner planner,
    ScheduleOptions schedule,
    TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (TimeOnly.FromDateTime(now.UtcDateTime) < schedule.ComposeAt)
        {
            return;
        }
        var latest = await store.GetLatestAsync(EditionKind.Daily, ct);
        if (latest is null || latest.Date < today)
        {
            await editions.ComposeAsync(null, null, ct);
        }
        await planner.PlanDueAsync(ct);
    }
}
