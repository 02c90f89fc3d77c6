using Digest.TestKit.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Digest.TestKit.Discord.DiscordEvents;

namespace Digest.Discord.Tests.Receiving;

public sealed class GatewayServiceTests
{
    [Fact]
    public async Task A_fatal_gateway_error_ends_the_service_with_one_error_and_leaves_the_host_running()
    {
        await using var host = await ReceivingHost.StartAsync(
            fakeGateway: new FakeDiscordGatewayOptions { Token = "MTEwMDAwMDAwMDAwMDAwMDAwMg.right.token", HeartbeatInterval = TimeSpan.FromSeconds(30) });

        await host.Service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(host.Service.ExecuteTask.IsCompletedSuccessfully);
        Assert.False(host.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Single(host.Logs.Lines, l => l.Contains("Discord gateway stopped for good", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(FakeDiscordServer.DefaultToken, StringComparison.Ordinal));
        Assert.Single(host.Gateway.Connections);
    }

    [Fact]
    public async Task A_chats_messages_are_handled_one_after_another_in_the_order_sent()
    {
        await using var host = await ReceivingHost.StartAsync();
        var inFlight = 0;
        var overlapped = false;
        host.Script.OnMessage = async (m, _, ct) =>
        {
            overlapped |= Interlocked.Increment(ref inFlight) > 1;
            // Earlier messages take longer: handled side by side, they would finish out of order.
            await Task.Delay(60 - (10 * int.Parse(m.Text, System.Globalization.CultureInfo.InvariantCulture)), ct);
            Interlocked.Decrement(ref inFlight);
        };
        await host.WaitReadyAsync();

        for (var i = 0; i < 5; i++)
        {
            await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message(i.ToString(System.Globalization.CultureInfo.InvariantCulture), DmChannel));
        }

        var received = await host.Script.WaitForAsync(5);
        Assert.Equal(["0", "1", "2", "3", "4"], received.Select(m => m.Text));
        Assert.False(overlapped);
    }
}
