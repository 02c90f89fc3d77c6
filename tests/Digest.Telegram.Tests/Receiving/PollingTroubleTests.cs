using Digest.Core.Conversation;
using Digest.Telegram.Tests.TestSupport;
using Digest.TestKit.Telegram;

namespace Digest.Telegram.Tests.Receiving;

/// <summary>Nothing that goes wrong with one update stops long polling: the next message is still answered.</summary>
public sealed class PollingTroubleTests : IAsyncLifetime
{
    private FakeTelegramServer _server = null!;
    private TelegramTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { EnforceRateLimits = false });
        _host = await TelegramTestHost.CreateAsync(TelegramTestHost.Settings(_server));
        // Button presses are replied to, except "quiet" ones; messages are echoed.
        _host.Script.OnMessage = (message, chat, ct) => message.CallbackData switch
        {
            null => chat.ReplyAsync(new ChatReply($"re: {message.Text}"), ct),
            "quiet" => Task.CompletedTask,
            var data => chat.ReplyAsync(new ChatReply($"pressed {data}"), ct),
        };
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_dropped_connection_while_answering_a_button_press_does_not_stop_polling()
    {
        _server.DropConnectionNext("answerCallbackQuery", 2);

        // The first press is answered before its reply, the quiet one after its handler: both answers are lost.
        _server.InjectCallback(42, 42, 99, "daily");
        _server.InjectCallback(42, 42, 99, "quiet");
        _server.InjectMessage(42, 42, "later");
        var sent = await _server.WaitForMessagesAsync(42, 2);

        Assert.Equal(["pressed daily", "re: later"], sent.Select(m => m.PlainText));
        Assert.Equal(2, _server.DroppedConnections);
        Assert.Empty(_server.AnsweredCallbacks);
        Assert.Equal(2, _host.Logs.Lines.Count(l => l.Contains("Answering callback query in chat 42 failed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_reply_lost_to_a_dropped_connection_is_logged_and_the_next_message_is_answered()
    {
        _server.DropConnectionNext("sendMessage");

        var lost = _server.InjectMessage(42, 42, "first");
        _server.InjectMessage(42, 42, "second");
        var sent = await _server.WaitForMessagesAsync(42, 1);

        Assert.Equal("re: second", Assert.Single(sent).PlainText);
        Assert.Contains(_host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal)
            && l.Contains($"Handling update {lost} from chat 42 failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Commands_are_still_handled_when_getMe_loses_its_connection()
    {
        _server.DropConnectionNext("getMe");

        _server.InjectMessage(-1001, 7, "/help@digest_test_bot", "group", "Team");
        var message = Assert.Single(await _host.Script.WaitForAsync(1));

        Assert.Equal("/help", message.Text);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("getMe failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Polling_goes_on_through_a_telegram_outage_and_answers_after_it()
    {
        await _server.WaitUntilAsync(() => _server.Calls("getUpdates") > 0, "polling to start");
        _server.StartOutage();
        _server.InjectMessage(42, 42, "during");
        // getMe, the reply, then the next poll.
        await _server.WaitUntilAsync(() => _server.RefusedDuringOutage >= 3, "the outage to refuse calls");
        _server.EndOutage();

        _server.InjectMessage(42, 42, "after");
        var sent = await _server.WaitForMessagesAsync(42, 1);

        Assert.Equal("re: after", Assert.Single(sent).PlainText);
        Assert.Equal(["during", "after"], _host.Script.Received.Select(m => m.Text));
        Assert.Contains(_host.Logs.Lines, l => l.Contains("getUpdates failed", StringComparison.Ordinal));
    }
}
