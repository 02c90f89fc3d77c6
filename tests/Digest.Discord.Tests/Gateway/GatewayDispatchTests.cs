using System.Text.Json;

namespace Digest.Discord.Tests.Gateway;

public sealed class GatewayDispatchTests
{
    [Fact]
    public async Task Message_and_interaction_dispatches_reach_the_consumer_with_their_data()
    {
        await using var host = await GatewayHarness.StartAsync();
        await host.WaitReadyAsync();

        var messageSeq = await host.Gateway.DispatchAsync("MESSAGE_CREATE",
            """{"id":"1300000000000000001","channel_id":"1200000000000000001","content":"hello digest","author":{"id":"1500000000000000001"}}""");
        var interactionSeq = await host.Gateway.DispatchAsync("INTERACTION_CREATE",
            """{"id":"1600000000000000001","application_id":"1100000000000000001","type":2,"token":"interaction-token","data":{"name":"digest"}}""");

        var message = await host.NextEventAsync();
        var interaction = await host.NextEventAsync();
        Assert.Equal("MESSAGE_CREATE", message.Type);
        Assert.Equal(messageSeq, message.Sequence);
        Assert.Equal("hello digest", message.Data.GetProperty("content").GetString());
        Assert.Equal("INTERACTION_CREATE", interaction.Type);
        Assert.Equal(interactionSeq, interaction.Sequence);
        Assert.Equal(2, interaction.Data.GetProperty("type").GetInt32());
        Assert.Equal("digest", interaction.Data.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Object, message.Data.ValueKind);
    }

    [Fact]
    public async Task Ready_is_kept_inside_and_names_the_application_and_the_bot()
    {
        await using var host = await GatewayHarness.StartAsync();
        await host.WaitReadyAsync();

        Assert.Equal(host.Gateway.Options.ApplicationId, host.Client.ApplicationId);
        Assert.Equal(host.Gateway.Options.BotUserId, host.Client.BotUserId);
        Assert.Equal(host.Gateway.SessionId, host.Client.SessionId);
        Assert.False(host.Client.Events.TryRead(out _));
    }
}
