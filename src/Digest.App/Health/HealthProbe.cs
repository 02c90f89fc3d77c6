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
    /// The longest a message may wait, beyond the time the backlog takes to send, before the bot counts as stuck: a large
    /// broadcast is busy, a sender that stopped sending is not.
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
        var healthy = platformsUp && !(age > MaxOwedAge + DrainTime(owed.OwedTotal));
        return new HealthReport(
            healthy ? HealthReport.Healthy : HealthReport.Unhealthy,
            new DatabaseHealth(true),
            collect is null ? null : new CollectHealth(collect.FinishedAt, collect.SourcesOk, collect.SourcesTotal),
            new OutboxHealth(owed.OwedTotal, owed.OldestOwedSince, age is null ? null : (long)age.Value.TotalSeconds, owed.FailedTotal),
            platforms);
    }

    /// <summary>
    /// How long the backlog takes at the slowest configured rate: a broadcast bigger than MaxOwedAge's worth is busy, not
    /// stuck, as long as its oldest message is not older than that.
    /// </summary>
    private TimeSpan DrainTime(int owed)
    {
        var rate = delivery.Limits.Values.Select(l => l.MessagesPerSecond).DefaultIfEmpty(30).Min();
        return TimeSpan.FromSeconds(owed / rate);
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
