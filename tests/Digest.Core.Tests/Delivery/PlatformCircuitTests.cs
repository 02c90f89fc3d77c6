using Digest.Core.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Core.Tests.Delivery;

public class PlatformCircuitTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));

    private PlatformCircuit NewCircuit() => new("telegram", Min, Max, _clock);

    [Fact]
    public async Task A_closed_circuit_lets_every_send_go()
    {
        var circuit = NewCircuit();
        var pass = await circuit.EnterAsync(default);
        Assert.True(pass.Send);
        Assert.False(pass.IsProbe);
        Assert.True(circuit.Status.IsClosed);
    }

    [Fact]
    public async Task After_an_outage_nothing_goes_until_the_backoff_then_one_probe_at_a_time()
    {
        var circuit = NewCircuit();
        var reopen = circuit.Failed(CircuitPass.Go, "Bad Gateway");
        Assert.Equal(_clock.GetUtcNow() + Min, reopen);

        var early = await circuit.EnterAsync(default);
        Assert.False(early.Send);
        Assert.Equal(reopen, early.WaitUntil);

        _clock.Advance(Min);
        var probe = await circuit.EnterAsync(default);
        Assert.True(probe.IsProbe);
        var second = circuit.EnterAsync(default);
        Assert.False(second.IsCompleted);

        circuit.Succeeded();
        var after = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(after.Send);
        Assert.False(after.IsProbe);
        Assert.True(circuit.Status.IsClosed);
    }

    [Fact]
    public async Task Each_failed_probe_doubles_the_wait_up_to_the_maximum()
    {
        var circuit = NewCircuit();
        circuit.Failed(CircuitPass.Go, "Bad Gateway");
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 12; i++)
        {
            _clock.Advance(Max);
            var probe = await circuit.EnterAsync(default);
            Assert.True(probe.IsProbe);
            waits.Add(circuit.Failed(probe, "Bad Gateway") - _clock.GetUtcNow());
        }
        Assert.Equal(TimeSpan.FromSeconds(2), waits[0]);
        Assert.Equal(TimeSpan.FromSeconds(4), waits[1]);
        Assert.Equal(Max, waits[^1]);
        Assert.All(waits, w => Assert.True(w <= Max));
    }

    [Fact]
    public void Sends_already_in_flight_when_it_opened_do_not_lengthen_the_wait()
    {
        var circuit = NewCircuit();
        var first = circuit.Failed(CircuitPass.Go, "timeout");
        var second = circuit.Failed(CircuitPass.Go, "timeout");
        Assert.Equal(first, second);
        Assert.Equal("open", circuit.Status.State);
        Assert.Equal("timeout", circuit.Status.LastError);
    }

    [Fact]
    public async Task An_abandoned_probe_lets_the_next_send_probe()
    {
        var circuit = NewCircuit();
        circuit.Failed(CircuitPass.Go, "Bad Gateway");
        _clock.Advance(Min);
        var probe = await circuit.EnterAsync(default);
        Assert.True(probe.IsProbe);
        var waiting = circuit.EnterAsync(default);
        circuit.ProbeAbandoned(probe);
        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(5))).IsProbe);
    }

    [Fact]
    public async Task A_probe_that_outlived_its_turn_does_not_end_the_next_one()
    {
        var circuit = NewCircuit();
        circuit.Failed(CircuitPass.Go, "Bad Gateway");
        _clock.Advance(Min);
        var old = await circuit.EnterAsync(default);
        // Another send got through meanwhile, then the platform went down again and a new probe started.
        circuit.Succeeded();
        circuit.Failed(CircuitPass.Go, "Bad Gateway");
        _clock.Advance(Min);
        var current = await circuit.EnterAsync(default);
        Assert.True(current.IsProbe);
        var waiting = circuit.EnterAsync(default);

        circuit.ProbeAbandoned(old);
        circuit.Failed(old, "Bad Gateway");

        Assert.False(waiting.IsCompleted);
        Assert.Equal("probing", circuit.Status.State);
        circuit.Succeeded();
        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Send);
    }
}
