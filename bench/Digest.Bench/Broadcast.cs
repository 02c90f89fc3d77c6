using System.Globalization;
using Digest.Core.Articles;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Core.Subscriptions;
using Digest.TestKit.Telegram;

namespace Digest.Bench;

/// <summary>The broadcast the delivery benchmarks send: one fresh edition and N private chats in four category cuts.</summary>
internal static class Broadcast
{
    public const long FirstChatId = 10_000_000;

    /// <summary>Settings pointing Telegram at the fake, with our limits scaled like the fake's.</summary>
    public static Dictionary<string, string?> Settings(FakeTelegramServer telegram, double scale) => new()
    {
        ["Telegram:BotToken"] = FakeTelegramServer.DefaultToken,
        ["Telegram:ApiBaseUrl"] = telegram.BaseUrl.ToString(),
        ["Delivery:Limits:telegram:MessagesPerSecond"] = (30 * scale).ToString(CultureInfo.InvariantCulture),
        ["Delivery:Limits:telegram:PerChatPerSecond"] = scale.ToString(CultureInfo.InvariantCulture),
    };

    public static async Task<Edition> SeedAsync(BenchHost app, int subscribers)
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 30; i++)
        {
            await app.Get<IFeedStore>().AddAsync(new FeedSource($"https://fan{i}.example.com/feed", $"fan{i}.example.com"), default);
        }
        await app.Get<IArticleStore>().AddNewAsync(Enumerable.Range(0, 30).Select(i => new NewArticle(
            $"https://fan{i}.example.com/p/{i}", null, $"https://fan{i}.example.com/feed", $"fan{i}.example.com",
            $"Post {i} about LLM inference, Rust compilers and database security", string.Join(' ', Enumerable.Repeat($"Detail {i} on models, exploits and performance.", 40)),
            now.AddMinutes(-i), now)).ToList(), default);
        var edition = await app.Get<DailyEditionService>().ComposeAsync(null, null, default);

        var store = app.Get<ISubscriberStore>();
        var categorySets = new[] { new HashSet<Category>(), [Category.AiMl], [Category.Security, Category.Engineering], [Category.Tools, Category.Opinion, Category.Other] };
        for (var i = 0; i < subscribers; i++)
        {
            await store.SaveAsync(Subscriber.New("telegram", (FirstChatId + i).ToString(CultureInfo.InvariantCulture), ChatKind.Private, null, now) with
            {
                Active = true,
                Frequency = Frequency.Daily,
                Categories = categorySets[i % categorySets.Length],
            }, default);
        }
        return edition;
    }

    /// <summary>Messages a chat received more than once (same text), over all chats.</summary>
    public static int Duplicates(IReadOnlyList<SentTelegramMessage> messages) =>
        messages.GroupBy(m => m.ChatId).Sum(chat => chat.Count() - chat.Select(m => m.Text).Distinct().Count());
}
