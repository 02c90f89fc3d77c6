namespace Digest.App.Jobs;

/// <summary>When the service collects, composes and plans deliveries (section "Schedule").</summary>
public sealed class ScheduleOptions
{
    public TimeSpan CollectEvery { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Time of day (UTC) the daily edition is composed.</summary>
    public TimeOnly ComposeAt { get; set; } = new(6, 0);

    /// <summary>How often due subscribers are looked for; their own delivery times are minutes, so once a minute.</summary>
    public TimeSpan PlanEvery { get; set; } = TimeSpan.FromMinutes(1);

    public bool CollectOnStart { get; set; } = true;
}
