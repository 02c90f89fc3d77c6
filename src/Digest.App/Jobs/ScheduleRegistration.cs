using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Digest.App.Jobs;

internal static class ScheduleRegistration
{
    /// <summary>Quartz with the in-memory store (one process); the clustered ADO.NET store is the scale-out path.</summary>
    public static IServiceCollection AddDigestSchedule(this IServiceCollection services, IConfiguration configuration)
    {
        var schedule = configuration.GetSection("Schedule").Get<ScheduleOptions>() ?? new ScheduleOptions();
        services.AddQuartz(q =>
        {
            var collect = new JobKey("collect");
            q.AddJob<CollectJob>(j => j.WithIdentity(collect));
            q.AddTrigger(t => t.ForJob(collect).WithIdentity("collect-every")
                .StartAt(schedule.CollectOnStart ? DateTimeOffset.UtcNow : DateTimeOffset.UtcNow + schedule.CollectEvery)
                .WithSimpleSchedule(s => s.WithInterval(schedule.CollectEvery).RepeatForever()));

            var compose = new JobKey("compose");
            q.AddJob<ComposeJob>(j => j.WithIdentity(compose));
            q.AddTrigger(t => t.ForJob(compose).WithIdentity("compose-daily")
                .WithCronSchedule($"0 {schedule.ComposeAt.Minute} {schedule.ComposeAt.Hour} * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));
            // The host may have been down at compose time: catch up once on start (the job skips if today's exists).
            q.AddTrigger(t => t.ForJob(compose).WithIdentity("compose-on-start").StartAt(DateTimeOffset.UtcNow.AddSeconds(5)));

            var plan = new JobKey("plan-deliveries");
            q.AddJob<PlanDeliveriesJob>(j => j.WithIdentity(plan));
            q.AddTrigger(t => t.ForJob(plan).WithIdentity("plan-every")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(schedule.PlanEvery).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<OutboxSenderService>();
        return services;
    }
}
