using System.Net;
using Digest.Core.Conversation;
using Digest.Telegram.Tests.TestSupport;
using Digest.TestKit.Conversation;
using Digest.TestKit.Telegram;

namespace Digest.Telegram.Tests.Webhook;

public sealed class WebhookTests : IAsyncLifetime
{
    private FakeTelegramServer _server = null!;
    private WebhookTestApp _app = null!;

    private ConversationScript Script => _app.Script;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync();
        _app = await WebhookTestApp.StartAsync(_server);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Start_registers_the_webhook_with_our_secret_and_the_commands()
    {
        await _server.WaitUntilAsync(() => _server.Commands.Count == MenuCommands.Names.Length, "commands to be registered");

        Assert.Equal((WebhookTestApp.PublicUrl, WebhookTestApp.Secret), (_server.WebhookUrl, _server.WebhookSecret));
        Assert.Equal(0, _server.Calls("getUpdates"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData(WebhookTestApp.Secret + "x")]
    public async Task Post_without_the_right_secret_is_refused_and_not_handled(string? secret)
    {
        var response = await _app.PostAsync(WebhookTestApp.Update("/start"), secret);
        await Task.Delay(100);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Script.Received);
    }

    [Fact]
    public async Task Post_with_the_right_secret_reaches_the_conversation()
    {
        Script.OnMessage = (_, chat, ct) => chat.ReplyAsync(new ChatReply("pong"), ct);

        var response = await _app.PostAsync(WebhookTestApp.Update("/start@digest_test_bot"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/start", Assert.Single(await Script.WaitForAsync(1)).Text);
        Assert.Equal("pong", Assert.Single(await _server.WaitForMessagesAsync(42, 1)).PlainText);
    }

    [Fact]
    public async Task Failing_handler_and_garbage_still_get_200_so_telegram_does_not_redeliver_and_the_next_update_is_handled()
    {
        Script.OnMessage = (message, _, _) => message.Text == "boom" ? throw new InvalidOperationException("bug") : Task.CompletedTask;

        var failing = await _app.PostAsync(WebhookTestApp.Update("boom", updateId: 1));
        var garbage = await _app.PostAsync("{not json");
        var next = await _app.PostAsync(WebhookTestApp.Update("next", updateId: 2));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [failing.StatusCode, garbage.StatusCode, next.StatusCode]);
        Assert.Equal(["boom", "next"], (await Script.WaitForAsync(2)).Select(m => m.Text));
        await _server.WaitUntilAsync(
            () => _app.Logs.Lines.Any(l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Handling update 1", StringComparison.Ordinal)),
            "the failure to be logged");
    }
}
