using System.Text;
using Digest.Core.Conversation.Memory;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;
using Digest.TestKit.Telegram;

namespace Digest.Integration.Tests.Telegram;

/// <summary>
/// The chat's memory of its last turns, through the fake Bot API, offline: "it" and "that article" point back at what
/// the conversation was just about, and what is remembered stays capped.
/// </summary>
public sealed class FollowUpTests
{
    private const long Chat = 9494;
    private const string Title = "Why bounded queues beat locks";

    private static readonly byte[] Page = Encoding.UTF8.GetBytes($$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{Title}}</title></head><body>
          <article>
            <h1>{{Title}}</h1>
            <p>{{string.Join(' ', Enumerable.Repeat("Queues let each worker own its state, so nothing waits on a lock held by a stranger.", 5))}}</p>
            <p>{{string.Join(' ', Enumerable.Repeat("Back-pressure falls out of a bounded queue for free, which a lock never gives you.", 5))}}</p>
          </article>
        </body></html>
        """);

    [Fact]
    public async Task After_a_pasted_link_its_main_point_is_answered_from_that_page_and_the_chat_remembers_ten_turns()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var pages = await FeedServer.StartAsync();
        var url = pages.PublishRaw("/posts/queues.html", Page, "text/html; charset=utf-8");
        var settings = TestApp.Telegram(telegram.BaseUrl);
        settings["Feeds:AllowPrivatePageAddresses"] = "true";
        settings["Conversation:PerChatPerMinute"] = "60";
        await using var app = await TestApp.StartAsync(dir, settings);
        await Seed.ArticlesAsync(app.Services, DateTimeOffset.UtcNow);

        var summary = await telegram.SayAsync(Chat, $"look at this {url.AbsoluteUri}");
        Assert.StartsWith(Title, summary, StringComparison.Ordinal);

        // "its" has no subject of its own: the page just summarized is the article meant, not the archive's best match.
        var followUp = await telegram.SayAsync(Chat, "what is its main point?");
        Assert.StartsWith($"[1] {Title} — ", followUp, StringComparison.Ordinal);
        Assert.Contains(url.AbsoluteUri, followUp, StringComparison.Ordinal);

        for (var i = 0; i < 10; i++)
        {
            await telegram.SayAsync(Chat, $"what about sqlite {i}?");
        }
        var remembered = await app.Get<IChatMemory>().RecallAsync("telegram", Chat.ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        Assert.Equal(IChatMemory.Kept, remembered.Count);
        Assert.Equal("what about sqlite 0?", remembered[0].Asked);
        Assert.Equal("what about sqlite 9?", remembered[^1].Asked);
    }
}
