using System.ComponentModel.DataAnnotations;

namespace Digest.Core.Collecting;

/// <summary>How a collection run fetches: bounded concurrency and an overall deadline (bound from the "Feeds" section).</summary>
public sealed class CollectOptions
{
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>The whole run ends by then; feeds still fetching count as failed.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(2);
}
