using System.Net;
using Digest.Discord.Rest;
using Digest.Discord.Tests.TestSupport;
using Digest.TestKit.Discord;

namespace Digest.Discord.Tests.Rest;

public sealed class ErrorTests
{
    private const string Channel = "1200000000000000001";

    public static TheoryData<int, int, string> Refusals => new()
    {
        { 404, 10003, "Unknown Channel" },
        { 403, 50001, "Missing Access" },
        { 403, 50013, "Missing Permissions" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_destination_surfaces_its_code_and_is_not_retried(int status, int code, string message)
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Server.FailChannel(Channel, new DiscordError(status, code, message));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => host.Client.CreateMessageAsync(Channel, new DiscordMessageContent("x")));

        Assert.Equal((HttpStatusCode)status, error.Status);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.DiscordMessage);
        Assert.True(error.IsDestinationGone);
        Assert.Equal("POST /channels/1200000000000000001/messages", error.Route);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task A_refused_message_is_not_a_gone_destination()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var empty = await Assert.ThrowsAsync<DiscordApiException>(() => host.Client.CreateMessageAsync(Channel, new DiscordMessageContent("")));
        var unknown = await Assert.ThrowsAsync<DiscordApiException>(
            () => host.Client.EditMessageAsync(Channel, "1300000000000000001", new DiscordMessageContent("x")));

        Assert.Equal((HttpStatusCode.BadRequest, DiscordErrorCodes.EmptyMessage), (empty.Status, empty.Code));
        Assert.Equal((HttpStatusCode.NotFound, DiscordErrorCodes.UnknownMessage), (unknown.Status, unknown.Code));
        Assert.False(empty.IsDestinationGone);
        Assert.False(unknown.IsDestinationGone);
    }

    [Fact]
    public async Task A_wrong_token_is_a_401_with_code_0()
    {
        await using var host = await DiscordTestHost.StartAsync(configure: o => o.BotToken = "another.token");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => host.Client.CreateMessageAsync(Channel, new DiscordMessageContent("x")));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal(DiscordErrorCodes.General, error.Code);
    }

    [Fact]
    public async Task A_once_failing_route_can_be_told_by_route()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Server.FailNext("POST /webhooks/{id}/{token}", DiscordError.UnknownWebhook);

        var error = await Assert.ThrowsAsync<DiscordApiException>(
            () => host.Client.ExecuteWebhookAsync("1400000000000000001", "hook-token", new DiscordMessageContent("x")));
        var retried = await host.Client.ExecuteWebhookAsync("1400000000000000001", "hook-token", new DiscordMessageContent("x"));

        Assert.Equal(DiscordErrorCodes.UnknownWebhook, error.Code);
        Assert.Equal("POST /webhooks/1400000000000000001/{token}", error.Route);
        Assert.NotNull(retried.Id);
    }
}
