using Digest.TestKit.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Digest.Telegram.Tests.FakeServer;

/// <summary>The fake must refuse what Telegram refuses, or the adapter's tests prove nothing.</summary>
public sealed class FakeTelegramServerTests
{
    [Fact]
    public async Task Text_over_4096_characters_after_parsing_is_rejected()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = Client(server);

        await bot.SendMessage(1, $"<b>{new string('a', 4096)}</b>", ParseMode.Html);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(2, new string('a', 4097)));

        Assert.Equal((400, "Bad Request: message is too long"), (error.ErrorCode, error.Message));
        Assert.Single(server.AllMessages);
    }

    [Fact]
    public async Task Unbalanced_html_is_rejected_with_cant_parse_entities()
    {
        await using var server = await FakeTelegramServer.StartAsync();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Client(server).SendMessage(1, "<b>open", ParseMode.Html));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.AllMessages);
    }

    [Fact]
    public async Task Empty_text_long_caption_and_oversized_button_data_are_rejected()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = Client(server);

        var empty = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(1, "<b> </b>", ParseMode.Html));
        var caption = await Assert.ThrowsAsync<ApiRequestException>(
            () => bot.SendPhoto(1, InputFile.FromStream(new MemoryStream([1]), "a.png"), new string('c', 1025)));
        var button = await Assert.ThrowsAsync<ApiRequestException>(
            () => bot.SendMessage(1, "pick", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("x", new string('é', 33)))));

        Assert.Equal("Bad Request: message text is empty", empty.Message);
        Assert.Equal("Bad Request: message caption is too long", caption.Message);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", button.Message);
    }

    [Fact]
    public async Task A_burst_to_one_chat_gets_429_with_retry_after()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = Client(server);

        var sends = Enumerable.Range(0, 10).Select(i => bot.SendMessage(42, $"m{i}")).ToList();
        var refused = 0;
        foreach (var send in sends)
        {
            try
            {
                await send;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                Assert.True(e.Parameters?.RetryAfter >= 1);
                refused++;
            }
        }

        Assert.Equal(3, server.Messages(42).Count);
        Assert.Equal(7, refused);
        Assert.Equal(7, server.TooManyRequests);
    }

    [Theory]
    [InlineData(42L, 20.0, 30)]
    [InlineData(-1001L, 60.0, 30)]
    public async Task Sends_spaced_evenly_at_the_limit_never_get_429(long chatId, double rateScale, int count)
    {
        // Per chat 1 msg/s and per group 20 msg/min, sped up: 20/s to a user, 20/s (group bound) to a group.
        await using var server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = rateScale });
        var bot = Client(server);
        var perSecond = chatId > 0 ? rateScale : rateScale * 20 / 60;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / perSecond));

        for (var i = 0; i < count; i++)
        {
            await timer.WaitForNextTickAsync();
            await bot.SendMessage(chatId, $"m{i}");
        }

        Assert.Equal(0, server.TooManyRequests);
        Assert.Equal(count, server.Messages(chatId).Count);
    }

    [Fact]
    public async Task A_held_poll_returns_when_an_update_arrives_and_the_next_offset_confirms_it()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = Client(server);

        var poll = bot.GetUpdates(timeout: 20);
        await Task.Delay(200);
        Assert.False(poll.IsCompleted);
        var id = server.InjectMessage(42, 42, "/start");
        var updates = await poll.WaitAsync(TimeSpan.FromSeconds(5));
        var again = await bot.GetUpdates(offset: id + 1, timeout: 0);

        Assert.Equal("/start", Assert.Single(updates).Message?.Text);
        Assert.Empty(again);
        Assert.Equal(0, server.PendingUpdates);
    }

    private static TelegramBotClient Client(FakeTelegramServer server) =>
        new(new TelegramBotClientOptions(FakeTelegramServer.DefaultToken, server.BaseUrl.ToString()) { RetryThreshold = 0 });
}
