using System.ComponentModel.DataAnnotations;

namespace Digest.App.Jobs;

/// <summary>When the service collects (section "Schedule"). Delivery planning has its own cadence: Delivery:PlanEvery.</summary>
public sealed class ScheduleOptions
{
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan CollectEvery { get; set; } = TimeSpan.FromMinutes(30);

    public bool CollectOnStart { get; set; } = true;
}
