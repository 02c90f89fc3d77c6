using Digest.Core.Collecting;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;

namespace Digest.Integration.Tests.Telegram;

/// <summary>/feeds and /stats answer the bot's operators (Telegram:AdminIds) and nobody else, whatever the chat.</summary>
public sealed class OperatorCommandsTests
{
    private const long Operator = 9090;
    private const long Reader = 9191;

    [Fact]
    public async Task Only_an_operator_changes_the_feed_list_or_reads_the_usage_from_a_chat()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        var settings = TestApp.Telegram(telegram.BaseUrl);
        settings["Telegram:AdminIds:0"] = Operator.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var app = await TestApp.StartAsync(dir, settings);

        Assert.Equal("/feeds is for the people who run this bot.", await telegram.SayAsync(Reader, "/feeds add https://sneaky.example/feed"));
        Assert.Equal("/stats is for the people who run this bot.", await telegram.SayAsync(Reader, "/stats"));
        Assert.DoesNotContain(await app.Get<IFeedStore>().GetAddedAsync(default), f => f.Url.Contains("sneaky", StringComparison.Ordinal));

        Assert.Equal("Added https://ops.example/feed; the next collect reads it.", await telegram.SayAsync(Operator, "/feeds add https://ops.example/feed Ops blog"));
        Assert.Contains(await app.Get<IFeedStore>().GetAddedAsync(default), f => f.Url == "https://ops.example/feed" && f.Title == "Ops blog");
        Assert.Equal("No LLM calls in the last 7 days (assessed offline).", await telegram.SayAsync(Operator, "/stats"));
        Assert.StartsWith("Usage: /feeds", await telegram.SayAsync(Operator, "/feeds add file:///etc/passwd"), StringComparison.Ordinal);
    }
}
