using System.Text.Json.Nodes;
using Digest.Discord.Rest;
using Digest.Discord.Tests.TestSupport;

namespace Digest.Discord.Tests.Rest;

public sealed class InteractionAndCommandTests
{
    private const string App = "1100000000000000001";

    [Fact]
    public async Task Commands_are_overwritten_globally_and_per_guild()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var commands = new JsonArray(new JsonObject { ["name"] = "digest", ["description"] = "Today's digest", ["type"] = 1 });

        var global = await host.Client.BulkOverwriteGlobalCommandsAsync(App, commands);
        var guild = await host.Client.BulkOverwriteGuildCommandsAsync(App, "1500000000000000001", commands);

        Assert.Equal("digest", global[0]!["name"]!.GetValue<string>());
        Assert.NotNull(global[0]!["id"]);
        Assert.Equal("1500000000000000001", guild[0]!["guild_id"]!.GetValue<string>());
        Assert.Single(host.Server.RequestsTo("PUT /applications/{id}/commands"));
        var put = Assert.Single(host.Server.RequestsTo("PUT /applications/{id}/guilds/{id}/commands"));
        Assert.Equal("digest", put.Json![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Interaction_is_answered_deferred_then_followed_up_without_mentions()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Client.CreateInteractionResponseAsync(
            "1600000000000000001", "interaction-token", InteractionCallbackType.ChannelMessageWithSource,
            new DiscordMessageContent("Working on it") { Flags = DiscordMessageFlags.Ephemeral });
        var original = await host.Client.EditOriginalInteractionResponseAsync(App, "interaction-token", new DiscordMessageContent("Here it is"));
        var followUp = await host.Client.CreateFollowupMessageAsync(App, "interaction-token", new DiscordMessageContent("And more"));

        var callback = Assert.Single(host.Server.RequestsTo("POST /interactions/{id}/{token}/callback"));
        Assert.Equal(204, callback.Status);
        Assert.Equal(4, callback.Json!["type"]!.GetValue<int>());
        Assert.Equal(64, callback.Json!["data"]!["flags"]!.GetValue<int>());
        Assert.Empty(callback.Json!["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal("Here it is", original.Content);
        Assert.Equal("And more", followUp.Content);
        var post = Assert.Single(host.Server.RequestsTo("POST /webhooks/{id}/{token}"));
        Assert.Equal($"/api/v10/webhooks/{App}/interaction-token", post.Path);
        Assert.Empty(post.Json!["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task A_deferred_answer_carries_no_data()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Client.CreateInteractionResponseAsync("1600000000000000002", "t", InteractionCallbackType.DeferredChannelMessageWithSource);

        var callback = Assert.Single(host.Server.Requests).Json!;
        Assert.Equal(5, callback["type"]!.GetValue<int>());
        Assert.Null(callback["data"]);
    }
}
