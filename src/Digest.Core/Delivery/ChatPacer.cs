using Digest.Core.Subscriptions;

namespace Digest.Core.Delivery;

/// <summary>
/// Spaces one chat's messages exactly: at most one per interval, and for groups and channels at most N a minute.
/// One instance per chat, used by one worker at a time, so it needs no locking.
/// </summary>
internal sealed class ChatPacer(ChatKind kind, PlatformLimits limits, TimeProvider time)
{
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1 / limits.PerChatPerSecond);
    private readonly Queue<DateTimeOffset> _lastMinute = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var at = _next;
        if (kind != ChatKind.Private)
        {
            while (_lastMinute.Count > 0 && now - _lastMinute.Peek() >= TimeSpan.FromMinutes(1))
            {
                _lastMinute.Dequeue();
            }
            if (_lastMinute.Count >= limits.GroupPerMinute && _lastMinute.Peek() + TimeSpan.FromMinutes(1) > at)
            {
                at = _lastMinute.Peek() + TimeSpan.FromMinutes(1);
            }
        }
        if (at > now)
        {
            await Task.Delay(at - now, time, ct);
        }
    }

    public void Sent()
    {
        var now = time.GetUtcNow();
        _next = now + _interval;
        if (kind != ChatKind.Private)
        {
            _lastMinute.Enqueue(now);
        }
    }

    /// <summary>
    /// Set when a part had to wait (429, transient failure): nothing goes to this chat before then, and its later
    /// parts are released until then too, so the order holds.
    /// </summary>
    public DateTimeOffset? HeldUntil { get; private set; }

    public void Hold(DateTimeOffset until) => HeldUntil = until;
}
