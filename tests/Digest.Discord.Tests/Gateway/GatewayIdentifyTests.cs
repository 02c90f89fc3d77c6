namespace Digest.Discord.Tests.Gateway;

public sealed class GatewayIdentifyTests
{
    [Theory]
    [InlineData(false, 1 | (1 << 9) | (1 << 12))]
    [InlineData(true, 37377)]
    public async Task Identify_asks_for_message_content_only_when_the_option_says_so(bool messageContent, int intents)
    {
        await using var host = await GatewayHarness.StartAsync(configure: o => o.MessageContent = messageContent);
        await host.WaitReadyAsync();

        var identify = Assert.Single(host.Gateway.Identifies);
        Assert.Equal(intents, identify.Intents);
        Assert.Equal(GatewayHarness.Token, identify.Token);
        Assert.Equal("linux", identify.Properties?["os"]?.GetValue<string>());
        Assert.Equal("digest", identify.Properties?["browser"]?.GetValue<string>());
        Assert.Equal("digest", identify.Properties?["device"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_gateway_url_carries_version_and_encoding()
    {
        await using var host = await GatewayHarness.StartAsync();
        await host.WaitReadyAsync();

        var connection = Assert.Single(host.Gateway.Connections);
        Assert.Equal("/", connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);
    }

    [Fact]
    public async Task The_token_is_sent_in_identify_and_resume_but_never_logged()
    {
        await using var host = await GatewayHarness.StartAsync();
        await host.WaitReadyAsync();
        await host.Gateway.SendReconnectAsync();
        await host.Gateway.WaitUntilAsync(g => g.Resumes.Count == 1 && g.HasLiveConnection, "a resume");

        Assert.Equal(GatewayHarness.Token, host.Gateway.Resumes[0].Token);
        Assert.NotEmpty(host.Logs.Lines);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(GatewayHarness.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("SECRET", StringComparison.Ordinal));
    }
}
