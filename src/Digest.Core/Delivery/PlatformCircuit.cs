namespace Digest.Core.Delivery;

/// <summary>
/// Whether a platform is reachable, learnt from sends. Closed: send. After a platform-wide failure it opens: nothing is
/// sent until the back-off has passed, then one send at a time probes it (the others wait for its verdict); a failed
/// probe doubles the back-off up to the maximum, any answer from the platform closes it. Thread-safe.
/// </summary>
public sealed class PlatformCircuit(string platform, TimeSpan minBackoff, TimeSpan maxBackoff, TimeProvider time)
{
    private readonly Lock _gate = new();
    private TimeSpan _backoff;
    private DateTimeOffset _openUntil;
    private DateTimeOffset? _openSince;
    private string? _lastError;
    private TaskCompletionSource? _probe;

    public string Platform { get; } = platform;

    /// <summary>Waits while another send probes the platform; then says whether to send now, as the probe, or not before a time.</summary>
    public async Task<CircuitPass> EnterAsync(CancellationToken ct)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_openSince is null)
                {
                    return CircuitPass.Go;
                }
                if (_probe is null)
                {
                    if (time.GetUtcNow() < _openUntil)
                    {
                        return CircuitPass.NotBefore(_openUntil);
                    }
                    _probe = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    return CircuitPass.AsProbe(_probe);
                }
                wait = _probe.Task;
            }
            await wait.WaitAsync(ct);
        }
    }

    /// <summary>The platform answered (even with a rate limit or an error about the message): it is up.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            _openSince = null;
            _backoff = TimeSpan.Zero;
            _lastError = null;
            EndProbe();
        }
    }

    /// <summary>The platform is down, as the send let through by <paramref name="pass"/> found. Returns when the next probe may go.</summary>
    public DateTimeOffset Failed(CircuitPass pass, string error)
    {
        lock (_gate)
        {
            // A probe that outlived its turn (another send closed the circuit, and it opened again) is one more failed send.
            var wasProbe = pass.IsProbe && ReferenceEquals(pass.Probe, _probe);
            var now = time.GetUtcNow();
            _lastError = error;
            if (wasProbe || _openSince is null)
            {
                // Sends already in flight when it opened report the same outage: only a probe's failure lengthens the wait.
                _backoff = _openSince is null ? minBackoff : TimeSpan.FromTicks(Math.Min(maxBackoff.Ticks, _backoff.Ticks * 2));
                _openSince ??= now;
                _openUntil = now + _backoff;
            }
            if (wasProbe)
            {
                EndProbe();
            }
            return _openUntil;
        }
    }

    /// <summary>A probe that ended without a verdict (its row was not ours to send after all): the next send probes.</summary>
    public void ProbeAbandoned(CircuitPass pass)
    {
        lock (_gate)
        {
            if (pass.IsProbe && ReferenceEquals(pass.Probe, _probe))
            {
                EndProbe();
            }
        }
    }

    public CircuitStatus Status
    {
        get
        {
            lock (_gate)
            {
                return new CircuitStatus(Platform, _openSince is null ? "closed" : _probe is null ? "open" : "probing",
                    _openSince, _openSince is null ? null : _openUntil, _lastError);
            }
        }
    }

    private void EndProbe()
    {
        var probe = _probe;
        _probe = null;
        probe?.TrySetResult();
    }
}

/// <summary>What <see cref="PlatformCircuit.EnterAsync"/> allows.</summary>
/// <param name="Probe">Names the probe this pass is, so a probe that outlived its turn can not end a later one.</param>
public readonly record struct CircuitPass(bool Send, bool IsProbe, DateTimeOffset WaitUntil, object? Probe = null)
{
    public static CircuitPass Go => new(true, false, default);

    public static CircuitPass NotBefore(DateTimeOffset at) => new(false, false, at);

    internal static CircuitPass AsProbe(object probe) => new(true, true, default, probe);
}

/// <param name="State">"closed" (sending), "open" (down, waiting to probe) or "probing".</param>
public sealed record CircuitStatus(string Platform, string State, DateTimeOffset? OpenSince, DateTimeOffset? NextProbeAt, string? LastError)
{
    public bool IsClosed => State == "closed";
}

/// <summary>One circuit per platform, shared by every sender run in the process (and read by /healthz).</summary>
public sealed class PlatformCircuits(DeliveryOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PlatformCircuit> _circuits = new(StringComparer.OrdinalIgnoreCase);

    public PlatformCircuit For(string platform)
    {
        lock (_gate)
        {
            if (!_circuits.TryGetValue(platform, out var circuit))
            {
                _circuits[platform] = circuit = new PlatformCircuit(platform, options.CircuitMinBackoff, options.CircuitMaxBackoff, time);
            }
            return circuit;
        }
    }

    public IReadOnlyList<CircuitStatus> Statuses()
    {
        lock (_gate)
        {
            return _circuits.Values.Select(c => c.Status).OrderBy(s => s.Platform, StringComparer.Ordinal).ToList();
        }
    }
}
