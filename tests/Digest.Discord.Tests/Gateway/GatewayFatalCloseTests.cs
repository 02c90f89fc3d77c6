using Digest.Discord.Gateway;
using Digest.TestKit.Discord;

namespace Digest.Discord.Tests.Gateway;

public sealed class GatewayFatalCloseTests
{
    [Fact]
    public async Task A_rejected_token_stops_the_client_with_one_clear_error_and_no_reconnect()
    {
        await using var host = await GatewayHarness.StartAsync(token: "MTEwMDAwMDAwMDAwMDAwMDAwMg.wrong.SECRET-token");

        var error = await Assert.ThrowsAsync<DiscordGatewayException>(() => host.Run.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(4004, error.CloseCode);
        var line = Assert.Single(host.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.Contains("Discord gateway closed 4004: authentication failed", line, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Single(host.Gateway.Connections);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("SECRET", StringComparison.Ordinal));
        Assert.True(host.Client.Events.Completion.IsCompleted);
    }

    [Fact]
    public async Task Disallowed_intents_name_the_portal_switch_and_the_option()
    {
        await using var host = await GatewayHarness.StartAsync(
            new FakeDiscordGatewayOptions { Token = GatewayHarness.Token, AllowMessageContent = false },
            o => o.MessageContent = true);

        var error = await Assert.ThrowsAsync<DiscordGatewayException>(() => host.Run.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(4014, error.CloseCode);
        var line = Assert.Single(host.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.Contains("4014: disallowed intents — enable the Message Content intent in the developer portal", line, StringComparison.Ordinal);
        Assert.Contains("Discord:Gateway:MessageContent", line, StringComparison.Ordinal);
        Assert.Single(host.Gateway.Connections);
    }

    [Theory]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    public async Task Closes_no_retry_can_fix_end_the_run(int code)
    {
        await using var host = await GatewayHarness.StartAsync();
        await host.WaitReadyAsync();

        await host.Gateway.CloseAsync(code);

        var error = await Assert.ThrowsAsync<DiscordGatewayException>(() => host.Run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(code, error.CloseCode);
        await Task.Delay(200);
        Assert.Single(host.Gateway.Connections);
    }

    [Fact]
    public async Task Stopping_completes_the_run_and_the_events()
    {
        var host = await GatewayHarness.StartAsync();
        await host.WaitReadyAsync();

        await host.DisposeAsync();

        Assert.True(host.Run.IsCompletedSuccessfully);
        Assert.True(host.Client.Events.Completion.IsCompleted);
    }
}
