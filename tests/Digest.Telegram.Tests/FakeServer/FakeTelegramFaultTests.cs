using System.Net;
using Digest.TestKit.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Digest.Telegram.Tests.FakeServer;

/// <summary>The fake's trouble switches must look to the real client like the trouble they stand for.</summary>
public sealed class FakeTelegramFaultTests
{
    [Fact]
    public async Task An_outage_answers_every_method_with_telegrams_error_envelope_until_it_ends()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = Client(server);

        server.StartOutage();
        var getMe = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetMe());
        var send = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(42, "lost?"));
        server.EndOutage();
        await bot.SendMessage(42, "after");

        Assert.Equal((502, "Bad Gateway"), (getMe.ErrorCode, getMe.Message));
        Assert.Equal((502, "Bad Gateway"), (send.ErrorCode, send.Message));
        Assert.Equal(2, server.RefusedDuringOutage);
        Assert.Equal(2, server.Calls("sendMessage"));
        Assert.False(server.InOutage);
        Assert.Equal("after", Assert.Single(server.Messages(42)).PlainText);
    }

    [Fact]
    public async Task An_outage_answers_before_the_token_is_looked_at()
    {
        await using var server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { Token = "999:other-token" });
        var bot = Client(server);

        server.StartOutage(503);
        var during = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetMe());
        server.EndOutage();
        var after = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetMe());

        Assert.Equal((503, "Service Unavailable"), (during.ErrorCode, during.Message));
        Assert.Equal((401, "Unauthorized"), (after.ErrorCode, after.Message));
        Assert.Equal(1, server.RefusedDuringOutage);
    }

    [Fact]
    public async Task A_failure_injected_before_an_outage_waits_for_its_end()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = Client(server);
        server.FailNext("getMe", 500, "Internal Server Error: later");

        server.StartOutage();
        var during = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetMe());
        server.EndOutage();
        var injected = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetMe());
        await bot.GetMe();

        Assert.Equal((502, 500), (during.ErrorCode, injected.ErrorCode));
    }

    [Fact]
    public async Task A_dropped_connection_is_a_transport_error_and_the_call_does_not_run()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = Client(server);
        var queryId = server.InjectCallback(42, 42, 1, "press");
        server.DropConnectionNext("answerCallbackQuery", 2);

        var first = await Assert.ThrowsAsync<RequestException>(() => bot.AnswerCallbackQuery(queryId));
        await Assert.ThrowsAsync<RequestException>(() => bot.AnswerCallbackQuery(queryId));
        await bot.AnswerCallbackQuery(queryId);

        Assert.IsType<HttpRequestException>(first.InnerException);
        Assert.Null(first.HttpStatusCode);
        Assert.Equal(2, server.DroppedConnections);
        Assert.Equal(3, server.Calls("answerCallbackQuery"));
        Assert.Equal(queryId, Assert.Single(server.AnsweredCallbacks).CallbackQueryId);
    }

    [Fact]
    public async Task A_raw_answer_reaches_the_client_as_it_is()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = Client(server);
        server.AnswerNextWith("getMe", 200, "{\"ok\":tr");
        server.AnswerNextWith("getMe", 502, "<html><body>502 Bad Gateway</body></html>", "text/html");

        var garbled = await Assert.ThrowsAsync<RequestException>(() => bot.GetMe());
        var proxy = await Assert.ThrowsAsync<RequestException>(() => bot.GetMe());
        var me = await bot.GetMe();

        Assert.Equal(HttpStatusCode.OK, garbled.HttpStatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, proxy.HttpStatusCode);
        Assert.Equal("digest_test_bot", me.Username);
    }

    private static TelegramBotClient Client(FakeTelegramServer server) =>
        new(new TelegramBotClientOptions(FakeTelegramServer.DefaultToken, server.BaseUrl.ToString()) { RetryThreshold = 0 });
}
