using Digest.TestKit.Discord;
using static Digest.TestKit.Discord.DiscordEvents;

namespace Digest.Discord.Tests.Receiving;

public sealed class CommandRegistrationTests
{
    private const string Global = "PUT /applications/{id}/commands";
    private const string PerGuild = "PUT /applications/{id}/guilds/{id}/commands";

    [Fact]
    public async Task The_slash_commands_are_the_handlers_without_operator_ones_each_with_its_option()
    {
        await using var host = await ReceivingHost.StartAsync();

        var put = Assert.Single(await host.WaitForRequestsAsync(Global));

        Assert.Equal($"/api/v10/applications/{AppId}/commands", put.Path);
        var commands = put.Json!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(["digest", "ask", "time"], commands.Select(c => c["name"]!.GetValue<string>()));
        Assert.All(commands, c => Assert.InRange(c["description"]!.GetValue<string>().Length, 1, 100));
        Assert.Null(commands[0]["options"]);
        var option = Assert.Single(commands[1]["options"]!.AsArray())!;
        Assert.Equal((3, "question", false), (option["type"]!.GetValue<int>(), option["name"]!.GetValue<string>(), option["required"]!.GetValue<bool>()));
        Assert.EndsWith("…", commands[1]["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(commands[1]["description"]!.GetValue<string>(), option["description"]!.GetValue<string>());
        Assert.Equal("time", commands[2]["options"]![0]!["name"]!.GetValue<string>());
        Assert.Empty(host.Server.RequestsTo(PerGuild));
    }

    [Fact]
    public async Task With_a_guild_configured_they_are_registered_in_that_guild_alone()
    {
        await using var host = await ReceivingHost.StartAsync(configureDiscord: o => o.GuildId = Guild);

        var put = Assert.Single(await host.WaitForRequestsAsync(PerGuild));

        Assert.Equal($"/api/v10/applications/{AppId}/guilds/{Guild}/commands", put.Path);
        Assert.Equal(200, put.Status);
        Assert.Empty(host.Server.RequestsTo(Global));
    }

    [Fact]
    public async Task A_configured_application_id_is_used_instead_of_the_one_ready_names()
    {
        await using var host = await ReceivingHost.StartAsync(configureDiscord: o => o.ApplicationId = "1100000000000000099");

        var put = Assert.Single(await host.WaitForRequestsAsync(Global));

        Assert.Equal("/api/v10/applications/1100000000000000099/commands", put.Path);
    }

    [Fact]
    public async Task A_refused_registration_is_logged_and_tried_again_later_while_messages_are_answered()
    {
        await using var host = await ReceivingHost.StartAsync(
            prepare: server => server.FailNext(Global, new DiscordError(500, 0, "500: Internal Server Error")));
        await host.WaitReadyAsync();
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message("hi", DmChannel));

        var puts = await host.WaitForRequestsAsync(Global, 2);

        Assert.Equal([500, 200], puts.Select(p => p.Status));
        Assert.Single(await host.Script.WaitForAsync(1));
        Assert.Single(host.Logs.Lines, l => l.Contains("Registering Discord slash commands failed, retrying", StringComparison.Ordinal));
    }
}
