using Digest.Core.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Digest.App.Jobs;

internal static class ScheduleRegistration
{
    // Pruning waits for the start-up collect to get going; it is never urgent.
    private static readonly TimeSpan FirstPruneAfter = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Quartz with the in-memory store (one process; the clustered ADO.NET store is the scale-out path) for collecting and
    /// pruning, and the two delivery loops: the planner and the outbox sender.
    /// </summary>
    public static IServiceCollection AddDigestSchedule(this IServiceCollection services, IConfiguration configuration)
    {
        // Read here because Quartz's triggers are built at registration; the same values are validated before start.
        var schedule = configuration.GetSection("Schedule").Get<ScheduleOptions>() ?? new ScheduleOptions();
        var retention = configuration.GetSection("Retention").Get<RetentionOptions>() ?? new RetentionOptions();
        services.AddQuartz(q =>
        {
            var collect = new JobKey("collect");
            q.AddJob<CollectJob>(j => j.WithIdentity(collect));
            q.AddTrigger(t => t.ForJob(collect).WithIdentity("collect-every")
                .StartAt(schedule.CollectOnStart ? DateTimeOffset.UtcNow : DateTimeOffset.UtcNow + schedule.CollectEvery)
                .WithSimpleSchedule(s => s.WithInterval(schedule.CollectEvery).RepeatForever()));

            var prune = new JobKey("retention");
            q.AddJob<RetentionJob>(j => j.WithIdentity(prune));
            q.AddTrigger(t => t.ForJob(prune).WithIdentity("retention-every")
                .StartAt(DateTimeOffset.UtcNow + FirstPruneAfter)
                .WithSimpleSchedule(s => s.WithInterval(retention.Every).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<DeliveryPlannerService>();
        services.AddHostedService<OutboxSenderService>();
        return services;
    }
}
