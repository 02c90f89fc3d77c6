using Digest.Core.Collecting;
using Digest.Core.Delivery;

namespace Digest.App.Health;

/// <summary>
/// Reads what /healthz reports. Unhealthy means someone is not getting their messages, or soon will not: the database
/// can not be read, a platform's circuit is open, or a message has been owed too long.
/// </summary>
internal sealed class HealthProbe(
    IOutbox outbox,
    IFeedStore feeds,
    PlatformCircuits circuits,
    IEnumerable<IChannel> channels,
    DeliveryOptions delivery,
    TimeProvider time)
{
    /// <summary>
    /// The longest a message may wait before the bot counts as stuck. A large broadcast at Telegram's 30 messages a second
    /// (10,000 subscribers × 2 parts ≈ 11 min) stays under it; a sender that stopped sending does not.
    /// </summary>
    public static readonly TimeSpan MaxOwedAge = TimeSpan.FromMinutes(15);

    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var platforms = Platforms();
        var platformsUp = platforms.All(p => p.State == "closed");
        OutboxReport owed;
        CollectReport? collect;
        try
        {
            owed = await outbox.ReportAsync(now, delivery.StaleAfter, ct);
            collect = await feeds.GetLatestReportAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure to read the database is exactly what this reports.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new HealthReport(HealthReport.Unhealthy, new DatabaseHealth(false, ex.Message), null, null, platforms);
        }

        var age = owed.OldestOwedSince is { } since ? now - since : (TimeSpan?)null;
        var healthy = platformsUp && !(age > MaxOwedAge);
        return new HealthReport(
            healthy ? HealthReport.Healthy : HealthReport.Unhealthy,
            new DatabaseHealth(true),
            collect is null ? null : new CollectHealth(collect.FinishedAt, collect.SourcesOk, collect.SourcesTotal),
            new OutboxHealth(owed.OwedTotal, owed.OldestOwedSince, age is null ? null : (long)age.Value.TotalSeconds, owed.FailedTotal),
            platforms);
    }

    /// <summary>Every platform with a channel here, whether or not it has sent yet, and any other the sender has met.</summary>
    private List<PlatformHealth> Platforms()
    {
        foreach (var channel in channels)
        {
            circuits.For(channel.Platform);
        }
        return [.. circuits.Statuses().Select(s => new PlatformHealth(s.Platform, s.State, s.OpenSince, s.NextProbeAt, s.LastError))];
    }
}
