namespace Digest.Discord.Gateway;

/// <summary>
/// The heartbeat of one connection: a first beat after interval × jitter, then one per interval. A beat that falls
/// due while the previous one is still unacknowledged means the connection is a zombie, and the loop ends.
/// </summary>
internal sealed class GatewayHeartbeat(TimeSpan interval, TimeProvider time)
{
    private int _acknowledged = 1;

    public TimeSpan Interval => interval;

    public void Acknowledge() => Volatile.Write(ref _acknowledged, 1);

    /// <summary>Returns when the connection is zombied; throws when cancelled.</summary>
    public async Task RunAsync(double jitter, Func<CancellationToken, Task> beat, CancellationToken ct)
    {
        await Task.Delay(interval * jitter, time, ct);
        while (true)
        {
            if (Interlocked.Exchange(ref _acknowledged, 0) == 0)
            {
                return;
            }
            await beat(ct);
            await Task.Delay(interval, time, ct);
        }
    }
}
