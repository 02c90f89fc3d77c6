using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Delivery;

/// <summary>
/// Drains the outbox within each platform's limits: a window of claimed rows feeds one worker per chat (so a chat's
/// parts stay in order and are paced), a token bucket per platform paces everything, and a circuit per platform stops
/// sending while the platform is down. Each run is a sender instance that heartbeats, so a crashed run's claims are
/// taken over in seconds. A row spends an attempt only on its own failure. An in-flight send is never cancelled by a
/// stop, so a stop can not leave a sent message unmarked.
/// </summary>
public sealed partial class OutboxSender(
    IOutbox outbox,
    Subscriptions.ISubscriberStore subscribers,
    IEnumerable<IChannel> channels,
    PlatformCircuits circuits,
    DeliverySignals signals,
    DeliveryOptions options,
    TimeProvider time,
    ILogger<OutboxSender> logger)
{
    private static readonly TimeSpan NoChannelRetry = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MaxClaimCooldown = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AfterError = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, IChannel> _channels = channels.ToDictionary(c => c.Platform, StringComparer.OrdinalIgnoreCase);

    private TimeProvider Time => time;

    private DeliverySignals Signals => signals;

    /// <summary>
    /// Sends until stopped, or (with <paramref name="untilDone"/>) until nothing sendable is owed any more, waiting at
    /// most <see cref="DeliveryOptions.SendNowWait"/> for rows held elsewhere (another sender, a rate limit, an outage).
    /// </summary>
    public async Task<SendSummary> RunAsync(bool untilDone, CancellationToken stopping)
    {
        var run = new SenderRun(this, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
        var deadline = time.GetUtcNow() + options.SendNowWait;
        // Registered before the first claim: a claim by a sender not yet in the register looks like a dead one's.
        await BeatOnceAsync(run.Id);
        // Not linked to the stop: in-flight sends finish after it, and a silent sender's claims would be taken over meanwhile.
        using var heartbeat = new CancellationTokenSource();
        var beating = HeartbeatAsync(run.Id, heartbeat.Token);
        try
        {
            await DrainAsync(run, untilDone, deadline, stopping);
        }
        finally
        {
            await run.CompleteAsync();
            await heartbeat.CancelAsync();
            await beating;
            await RetireAsync(run.Id);
            run.Dispose();
        }
        var left = untilDone ? await ReportOrNullAsync() : null;
        return run.Summary(left);
    }

    private async Task DrainAsync(SenderRun run, bool untilDone, DateTimeOffset deadline, CancellationToken stopping)
    {
        var cooldown = options.PollInterval;
        while (!stopping.IsCancellationRequested)
        {
            var room = options.ClaimBatch - run.InFlight;
            IReadOnlyList<OutboxMessage> claimed;
            try
            {
                claimed = room > 0
                    ? await outbox.ClaimAsync(run.Id, room, time.GetUtcNow(), options.Lease, options.StaleAfter, stopping)
                    : [];
                cooldown = options.PollInterval;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // A claim cancelled mid-statement rolls back: nothing was taken.
                break;
            }
#pragma warning disable CA1031 // A storage failure must not end sending: the workers go on, the claim is tried again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Claiming outbox rows failed; trying again in {cooldown}", cooldown);
                await run.WaitForProgressAsync(cooldown, stopping);
                cooldown = TimeSpan.FromTicks(Math.Min(MaxClaimCooldown.Ticks, cooldown.Ticks * 2));
                continue;
            }
            foreach (var message in claimed)
            {
                run.Dispatch(message, stopping);
            }
            if (claimed.Count > 0)
            {
                continue;
            }
            if (untilDone && run.InFlight == 0 && (time.GetUtcNow() >= deadline || !await AnythingSendableOwedAsync()))
            {
                break;
            }
            await run.WaitForProgressAsync(run.InFlight == 0 ? options.PollInterval : TimeSpan.FromMilliseconds(50), stopping);
        }
    }

    /// <summary>Rows owed on a platform we can send to; rows for platforms with no channel here wait for a process that has one.</summary>
    private async Task<bool> AnythingSendableOwedAsync()
    {
        var report = await ReportOrNullAsync();
        return report is null || report.Owed.Any(o => _channels.ContainsKey(o.Platform));
    }

    private async Task<OutboxReport?> ReportOrNullAsync()
    {
        try
        {
            return await outbox.ReportAsync(time.GetUtcNow(), options.StaleAfter, CancellationToken.None);
        }
#pragma warning disable CA1031 // A summary is not worth failing the run for.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning("Reading the outbox report failed: {error}", ex.Message);
            return null;
        }
    }

    private async Task HeartbeatAsync(string senderId, CancellationToken ct)
    {
        var reportedFailed = -1;
        var lastReport = DateTimeOffset.MinValue;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await outbox.HeartbeatAsync(senderId, time.GetUtcNow(), ct);
                if (time.GetUtcNow() - lastReport >= TimeSpan.FromMinutes(1))
                {
                    lastReport = time.GetUtcNow();
                    var report = await outbox.ReportAsync(lastReport, options.StaleAfter, ct);
                    if (report.FailedTotal != reportedFailed && report.FailedTotal > 0)
                    {
                        logger.LogWarning(
                            "{failed} outbox rows have failed ({reasons}); digest send --retry-failed sends them again",
                            report.FailedTotal, string.Join("; ", report.Failed.Take(5).Select(f => $"{f.Count}× {f.Platform}: {f.Reason}")));
                    }
                    reportedFailed = report.FailedTotal;
                }
                await Task.Delay(options.Heartbeat, time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A missed beat is retried; after StaleAfter another sender may take over, which is safe.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning("Sender heartbeat failed: {error}", ex.Message);
                try
                {
                    await Task.Delay(options.Heartbeat, time, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task BeatOnceAsync(string senderId)
    {
        try
        {
            await outbox.HeartbeatAsync(senderId, time.GetUtcNow(), CancellationToken.None);
        }
#pragma warning disable CA1031 // Storage trouble shows again at the first claim, which copes with it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning("Sender heartbeat failed: {error}", ex.Message);
        }
    }

    private async Task RetireAsync(string senderId)
    {
        try
        {
            await outbox.RetireSenderAsync(senderId, CancellationToken.None);
        }
#pragma warning disable CA1031 // A sender left in the register only looks stale after StaleAfter: harmless.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning("Retiring sender {sender_id} failed: {error}", senderId, ex.Message);
        }
    }

    private TokenBucketRateLimiter CreateLimiter(string platform)
    {
        var limits = LimitsFor(platform);
        // Refilled every 100 ms, so sends are spread over the second instead of bursting at its start.
        var perTick = Math.Max(1, (int)Math.Round(limits.MessagesPerSecond / 10));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perTick,
            TokensPerPeriod = perTick,
            ReplenishmentPeriod = TimeSpan.FromSeconds(perTick / limits.MessagesPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    private PlatformLimits LimitsFor(string platform) =>
        options.Limits.TryGetValue(platform, out var limits) ? limits : new PlatformLimits();
}

/// <summary>What one sender run did, and (for runs that wait until done) what is still owed and why.</summary>
public sealed record SendSummary(int Sent, int Failed, int RateLimited, int Outages, OutboxReport? StillOwed);
