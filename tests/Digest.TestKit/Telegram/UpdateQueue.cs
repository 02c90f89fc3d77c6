using System.Text.Json.Nodes;

namespace Digest.TestKit.Telegram;

/// <summary>
/// Pending updates and getUpdates' long polling: updates below the offset are confirmed (forgotten), a poll with
/// nothing to return is held until an update arrives or its time is up.
/// </summary>
internal sealed class UpdateQueue
{
    private readonly object _gate = new();
    private readonly List<JsonObject> _pending = [];
    private int _nextId = 1;
    private TaskCompletionSource _arrived = NewSignal();

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Adds an update with one payload field; returns its update_id.</summary>
    public int Add(string field, JsonObject payload)
    {
        TaskCompletionSource arrived;
        int id;
        lock (_gate)
        {
            id = _nextId++;
            _pending.Add(new JsonObject { ["update_id"] = id, [field] = payload });
            arrived = _arrived;
            _arrived = NewSignal();
        }
        arrived.TrySetResult();
        return id;
    }

    public async Task<JsonArray> TakeAsync(int offset, int limit, TimeSpan hold, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + hold;
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                Confirm(offset);
                if (_pending.Count > 0)
                {
                    return [.. _pending.Take(limit).Select(u => u.DeepClone())];
                }
                arrived = _arrived.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return [];
            }
            try
            {
                await arrived.WaitAsync(left, ct);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                return [];
            }
        }
    }

    private void Confirm(int offset)
    {
        if (offset > 0)
        {
            _pending.RemoveAll(u => (int)u["update_id"]! < offset);
        }
        else if (offset < 0)
        {
            // A negative offset keeps only the last -offset updates.
            _pending.RemoveRange(0, Math.Max(0, _pending.Count + offset));
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
