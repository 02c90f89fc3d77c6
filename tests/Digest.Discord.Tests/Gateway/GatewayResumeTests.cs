namespace Digest.Discord.Tests.Gateway;

public sealed class GatewayResumeTests
{
    [Fact]
    public async Task A_dropped_socket_resumes_the_session_and_what_was_sent_meanwhile_arrives_once()
    {
        // Long enough a pause that the dispatch below is certainly sent while no socket is up.
        await using var host = await GatewayHarness.StartAsync(configure: o => o.ReconnectDelay = TimeSpan.FromMilliseconds(300));
        await host.WaitReadyAsync();
        var session = host.Client.SessionId;
        var first = await host.Gateway.DispatchAsync("MESSAGE_CREATE", """{"content":"first"}""");
        Assert.Equal("first", (await host.NextEventAsync()).Data.GetProperty("content").GetString());

        host.Gateway.Drop();
        var missed = await host.Gateway.DispatchAsync("MESSAGE_CREATE", """{"content":"while down"}""");

        var replayed = await host.NextEventAsync();
        Assert.Equal("while down", replayed.Data.GetProperty("content").GetString());
        Assert.Equal(missed, replayed.Sequence);
        var resume = Assert.Single(host.Gateway.Resumes);
        Assert.Equal(session, resume.SessionId);
        Assert.Equal(first, resume.Sequence);
        Assert.Equal(1, resume.Replayed);
        Assert.Single(host.Gateway.Identifies);
        Assert.Equal("/resume", host.Gateway.Connections[^1].Path);
        Assert.Equal("?v=10&encoding=json", host.Gateway.Connections[^1].Query);

        await host.Gateway.WaitUntilAsync(g => g.HasLiveConnection, "the resumed connection");
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", """{"content":"after"}""");
        Assert.Equal("after", (await host.NextEventAsync()).Data.GetProperty("content").GetString());
        await host.AssertNoEventAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Reconnect_op_7_closes_and_resumes()
    {
        await using var host = await GatewayHarness.StartAsync();
        await host.WaitReadyAsync();
        var session = host.Client.SessionId;

        await host.Gateway.SendReconnectAsync();

        await host.Gateway.WaitUntilAsync(g => g.Resumes.Count == 1 && g.HasLiveConnection, "a resume");
        Assert.Equal(session, host.Gateway.Resumes[0].SessionId);
        Assert.True(host.Gateway.Resumes[0].Accepted);
        Assert.Single(host.Gateway.Identifies);
        Assert.Equal(2, host.Gateway.Connections.Count);
    }

    [Fact]
    public async Task A_resumable_invalid_session_resumes()
    {
        await using var host = await GatewayHarness.StartAsync();
        await host.WaitReadyAsync();

        await host.Gateway.SendInvalidSessionAsync(resumable: true);

        await host.Gateway.WaitUntilAsync(g => g.Resumes.Count == 1 && g.HasLiveConnection, "a resume");
        Assert.Single(host.Gateway.Identifies);
    }

    [Fact]
    public async Task A_non_resumable_invalid_session_identifies_afresh_on_the_gateway_url()
    {
        await using var host = await GatewayHarness.StartAsync();
        await host.WaitReadyAsync();
        var first = host.Client.SessionId;

        await host.Gateway.SendInvalidSessionAsync(resumable: false);

        await host.WaitReadyAsync(identifies: 2);
        Assert.Empty(host.Gateway.Resumes);
        Assert.NotEqual(first, host.Client.SessionId);
        Assert.Equal("/", host.Gateway.Connections[^1].Path);
    }

    [Fact]
    public async Task A_reconnectable_close_code_resumes()
    {
        await using var host = await GatewayHarness.StartAsync();
        await host.WaitReadyAsync();

        await host.Gateway.CloseAsync(4000, "Unknown error.");

        await host.Gateway.WaitUntilAsync(g => g.Resumes.Count == 1 && g.HasLiveConnection, "a resume");
        Assert.Single(host.Gateway.Identifies);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task A_close_that_ends_the_session_starts_a_new_one(int code)
    {
        await using var host = await GatewayHarness.StartAsync();
        await host.WaitReadyAsync();

        await host.Gateway.CloseAsync(code);

        await host.WaitReadyAsync(identifies: 2);
        Assert.Empty(host.Gateway.Resumes);
    }
}
