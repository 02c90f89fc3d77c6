namespace Digest.Core.Delivery;

/// <summary>
/// In-process nudges, so a reply goes out now instead of at the next poll. Only a shortcut: planners and senders also
/// poll, so another instance (or a missed nudge) still gets the work.
/// </summary>
public sealed class DeliverySignals : IDisposable
{
    private readonly SemaphoreSlim _outbox = new(0);
    private readonly SemaphoreSlim _plan = new(0);
    private readonly TaskCompletionSource _collected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Rows were enqueued: wake an idle sender.</summary>
    public void OutboxChanged() => Release(_outbox);

    /// <summary>A delivery waits for an edition, or the first collect finished: wake the planner.</summary>
    public void PlanRequested() => Release(_plan);

    /// <summary>True when nudged before <paramref name="max"/> passed.</summary>
    public Task<bool> WaitForOutboxAsync(TimeSpan max, CancellationToken ct) => _outbox.WaitAsync(max, ct);

    public Task<bool> WaitForPlanAsync(TimeSpan max, CancellationToken ct) => _plan.WaitAsync(max, ct);

    /// <summary>A collect finished: wakes the planner, and ends the planner's start-up wait for the first collect.</summary>
    public void Collected()
    {
        _collected.TrySetResult();
        PlanRequested();
    }

    /// <summary>Until the first collect of this process finished, or <paramref name="max"/> passed.</summary>
    public async Task WaitForFirstCollectAsync(TimeSpan max, CancellationToken ct)
    {
        try
        {
            await _collected.Task.WaitAsync(max, ct);
        }
        catch (TimeoutException)
        {
            // A collect this slow does not hold deliveries back any longer.
        }
    }

    public void Dispose()
    {
        _outbox.Dispose();
        _plan.Dispose();
    }

    // One pending nudge is enough: many enqueues before the sender looks wake it once.
    private static void Release(SemaphoreSlim signal)
    {
        if (signal.CurrentCount == 0)
        {
            signal.Release();
        }
    }
}
