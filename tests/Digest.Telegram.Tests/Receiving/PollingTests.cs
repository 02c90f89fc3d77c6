using Digest.Core.Conversation;
using Digest.Core.Subscriptions;
using Digest.Telegram.Tests.TestSupport;
using Digest.TestKit.Conversation;
using Digest.TestKit.Telegram;

namespace Digest.Telegram.Tests.Receiving;

public sealed class PollingTests : IAsyncLifetime
{
    private FakeTelegramServer _server = null!;
    private TelegramTestHost _host = null!;

    private ConversationScript Script => _host.Script;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { EnforceRateLimits = false });
        _host = await TelegramTestHost.CreateAsync(TelegramTestHost.Settings(_server));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Injected_messages_reach_the_conversation_in_order_within_each_chat()
    {
        _server.InjectMessage(42, 42, "/start");
        _server.InjectMessage(-1001, 7, "/subscribe daily", "supergroup", "Team");
        _server.InjectMessage(42, 42, "hello");

        var received = await Script.WaitForAsync(3);

        // Chats are handled side by side, so only each chat's own order is kept.
        Assert.Equal(["/start", "hello"], received.Where(m => m.ChatId == "42").Select(m => m.Text));
        Assert.All(received.Where(m => m.ChatId == "42"), m => Assert.Equal(ChatKind.Private, m.ChatKind));
        Assert.Equal(new IncomingMessage("telegram", "-1001", ChatKind.Group, "Team", "7", "/subscribe daily"), Assert.Single(received, m => m.ChatId == "-1001"));
    }

    [Fact]
    public async Task Channel_post_arrives_as_a_channel_message_without_a_user()
    {
        _server.InjectChannelPost(-1009, "/digest", "News");

        var message = Assert.Single(await Script.WaitForAsync(1));

        Assert.Equal(new IncomingMessage("telegram", "-1009", ChatKind.Channel, "News", string.Empty, "/digest"), message);
    }

    [Fact]
    public async Task Command_with_our_bot_name_is_normalized_and_one_for_another_bot_is_ignored()
    {
        _server.InjectMessage(-1001, 7, "/start@Digest_Test_Bot now", "group", "Team");
        _server.InjectMessage(-1001, 7, "/start@other_bot", "group", "Team");
        _server.InjectMessage(-1001, 7, "/help", "group", "Team");

        await Script.WaitForAsync(2);
        await _server.WaitUntilAsync(() => _server.PendingUpdates == 0, "every update confirmed");

        Assert.Equal(["/start now", "/help"], Script.Received.Select(m => m.Text));
    }

    [Fact]
    public async Task Reply_is_escaped_html_with_link_previews_off()
    {
        Script.OnMessage = (_, chat, ct) => chat.ReplyAsync(new ChatReply("a < b & <i>c</i>"), ct);

        _server.InjectMessage(42, 42, "/help");
        var sent = Assert.Single(await _server.WaitForMessagesAsync(42, 1));

        Assert.Equal("a &lt; b &amp; &lt;i&gt;c&lt;/i&gt;", sent.Text);
        Assert.Equal("a < b & <i>c</i>", sent.PlainText);
        Assert.True(sent.IsHtml);
        Assert.True(sent.LinkPreviewDisabled);
    }

    [Fact]
    public async Task Button_press_is_answered_and_edit_original_replaces_the_message()
    {
        Script.OnMessage = (message, chat, ct) => message.CallbackData is null
            ? chat.ReplyAsync(new ChatReply("Pick one", [[new ChatButton("Daily", "freq:daily"), new ChatButton("Weekly", "freq:weekly")]]), ct)
            : chat.ReplyAsync(new ChatReply($"You chose {message.CallbackData}", EditOriginal: true), ct);
        _server.InjectMessage(42, 42, "/subscribe");
        var menu = Assert.Single(await _server.WaitForMessagesAsync(42, 1));
        Assert.Equal([("Daily", "freq:daily"), ("Weekly", "freq:weekly")], menu.Buttons);

        var queryId = _server.InjectCallback(42, 42, menu.MessageId, "freq:weekly");
        await _server.WaitUntilAsync(() => _server.Messages(42)[0].Edits == 1, "the menu to be edited");

        var edited = Assert.Single(_server.Messages(42));
        Assert.Equal("You chose freq:weekly", edited.PlainText);
        Assert.Empty(edited.Buttons);
        Assert.Equal(queryId, Assert.Single(_server.AnsweredCallbacks).CallbackQueryId);
        var press = Script.Received[1];
        Assert.Equal(("freq:weekly", string.Empty, "42"), (press.CallbackData, press.Text, press.UserId));
    }

    [Fact]
    public async Task A_failing_handler_does_not_stop_polling_and_its_button_press_is_still_answered()
    {
        Script.OnMessage = (message, _, _) => message.CallbackData == "boom" ? throw new InvalidOperationException("handler bug") : Task.CompletedTask;

        var queryId = _server.InjectCallback(42, 42, 99, "boom");
        _server.InjectMessage(42, 42, "after");
        await Script.WaitForAsync(2);

        await _server.WaitUntilAsync(() => _server.AnsweredCallbacks.Any(a => a.CallbackQueryId == queryId), "the press to be answered");
        Assert.Contains(_host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("handler bug", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_deletes_the_webhook_and_registers_the_handlers_commands_without_the_operators()
    {
        await _server.WaitUntilAsync(() => _server.Commands.Count > 0, "commands to be registered");

        // The menu is the handlers' own list, in their order; /feeds is for operators and is not offered.
        Assert.Equal(MenuCommands.Names, _server.Commands.Select(c => c.Command));
        Assert.Equal("Does start", _server.Commands[0].Description);
        Assert.Equal(1, _server.Calls("deleteWebhook"));
    }

    [Fact]
    public async Task Polling_recovers_after_a_failed_poll_and_never_logs_the_token()
    {
        _server.FailNext("getUpdates", 502, "Bad Gateway");
        _server.FailNext("getUpdates", 401, "Unauthorized");

        _server.InjectMessage(42, 42, "still here");
        await Script.WaitForAsync(1);

        Assert.Contains(_host.Logs.Lines, l => l.Contains("getUpdates failed", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("TEST-token", StringComparison.Ordinal));
    }
}
