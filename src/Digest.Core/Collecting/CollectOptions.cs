using System.ComponentModel.DataAnnotations;

namespace Digest.Core.Collecting;

/// <summary>
/// How a collection run is paced (bound from the "Feeds" section; the feed adapter's own options hold the limits of
/// each request). Politeness is per host: feeds on one server share a small lane, feeds on different servers all
/// fetch at once, up to the global bound.
/// </summary>
public sealed class CollectOptions
{
    /// <summary>Feeds fetched at once, over all hosts.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>Requests at once to one host (feeds of one blog platform often share a server).</summary>
    [Range(1, 16)]
    public int PerHost { get; set; } = 2;

    /// <summary>The whole run ends by then; feeds still fetching count as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(2);
}
