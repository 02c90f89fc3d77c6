using System.Text.Json.Serialization;

namespace Digest.App.Health;

/// <summary>The body of /healthz (snake_case JSON).</summary>
/// <param name="Collect">The last finished collect; null before the first one.</param>
/// <param name="Outbox">Null when the database could not be read.</param>
internal sealed record HealthReport(
    string Status,
    DatabaseHealth Database,
    CollectHealth? Collect,
    OutboxHealth? Outbox,
    IReadOnlyList<PlatformHealth> Platforms)
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";

    [JsonIgnore]
    public bool IsHealthy => Status == Healthy;
}

internal sealed record DatabaseHealth(
    bool Reachable,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);

internal sealed record CollectHealth(DateTimeOffset LastFinishedAt, int SourcesOk, int SourcesTotal);

/// <param name="Owed">Messages not sent yet, whatever holds them.</param>
/// <param name="Failed">Messages given up on; <c>digest send --retry-failed</c> sends them again.</param>
internal sealed record OutboxHealth(int Owed, DateTimeOffset? OldestOwedSince, long? OldestOwedAgeSeconds, int Failed);

/// <param name="State">"closed" (sending), "open" (down, waiting to probe) or "probing".</param>
internal sealed record PlatformHealth(string Platform, string State, DateTimeOffset? OpenSince, DateTimeOffset? NextProbeAt, string? LastError);
