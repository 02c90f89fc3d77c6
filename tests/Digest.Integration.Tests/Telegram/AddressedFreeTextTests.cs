using System.Text.RegularExpressions;
using Digest.Core.Conversation;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;

namespace Digest.Integration.Tests.Telegram;

/// <summary>Free text that is meant for the bot beyond a private chat: a group speaks to it by @mention, and a reply to a
/// digest part asks about the article that part carried — through the fake Bot API, offline.</summary>
public sealed partial class AddressedFreeTextTests
{
    private const long Group = -100700;
    private const long Admin = 71;
    private const long Member = 72;
    private const long Chat = 7373;

    [GeneratedRegex(@"^2\. (.+)$", RegexOptions.Multiline)]
    private static partial Regex SecondArticle();

    [GeneratedRegex(@"^1\. (.+)$", RegexOptions.Multiline)]
    private static partial Regex FirstArticle();

    [GeneratedRegex("""<a href="[^"]*">([^<]*)</a>""")]
    private static partial Regex FirstLink();

    [Fact]
    public async Task A_group_is_answered_only_when_it_mentions_the_bot_and_members_may_ask_but_not_change_settings()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = await TestApp.StartAsync(dir, TestApp.Telegram(telegram.BaseUrl));
        await using var sender = BackgroundSender.Start(app);
        await Seed.EditionAsync(app.Services, DateTimeOffset.UtcNow);
        telegram.AddChat(new FakeChat(Group, "supergroup", "Team"));
        telegram.SetMemberStatus(Group, Admin, "administrator");
        telegram.SetMemberStatus(Group, Member, "member");
        var bot = "@" + telegram.Options.BotUsername;

        var digest = await SubscribeAndReadDigestAsync(telegram, Group, Admin, "supergroup");
        var second = SecondArticle().Match(digest).Groups[1].Value.Trim();
        Assert.False(string.IsNullOrEmpty(second), digest);

        // Updates are handled one after another: the chatter is through when the question after it is answered.
        var before = telegram.Messages(Group).Count;
        telegram.InjectMessage(Group, Member, "did anyone read #2 yet?", "supergroup", "Team");
        telegram.InjectMessage(Group, Member, $"{bot} what does #2 say?", "supergroup", "Team");
        var answer = (await telegram.WaitForMessagesAsync(Group, before + 1))[before].PlainText;
        Assert.StartsWith($"[1] {second} — ", answer, StringComparison.Ordinal);

        var refused = await telegram.SayAsync(Group, $"{bot} less crypto", Member, "supergroup");
        Assert.Equal(ChatAssistant.SettingsForAdmins, refused);
        var confirmed = await telegram.SayAsync(Group, $"less crypto {bot}", Admin, "supergroup");
        Assert.Contains("Less crypto", confirmed, StringComparison.Ordinal);
        Assert.Equal(before + 3, telegram.Messages(Group).Count);
    }

    [Fact]
    public async Task A_reply_to_a_digest_part_asks_about_the_article_it_carries()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = await TestApp.StartAsync(dir, TestApp.Telegram(telegram.BaseUrl));
        await using var sender = BackgroundSender.Start(app);
        await Seed.EditionAsync(app.Services, DateTimeOffset.UtcNow);

        await SubscribeAndReadDigestAsync(telegram, Chat, Chat, "private");
        // The rule: the part's first link that is a shown article — here the first must-read, not the digest's #1.
        var part = telegram.Messages(Chat).Last(m => !m.IsPhoto && FirstLink().IsMatch(m.Text));
        var title = System.Net.WebUtility.HtmlDecode(FirstLink().Match(part.Text).Groups[1].Value);
        Assert.NotEqual(FirstArticle().Match(part.PlainText).Groups[1].Value.Trim(), title);

        var before = telegram.Messages(Chat).Count;
        telegram.InjectReply(Chat, Chat, part.MessageId, "why does this matter?");
        var answer = (await telegram.WaitForMessagesAsync(Chat, before + 1))[before].PlainText;
        Assert.StartsWith($"[1] {title} — ", answer, StringComparison.Ordinal);
    }

    private static async Task<string> SubscribeAndReadDigestAsync(FakeTelegramServer telegram, long chat, long user, string chatType)
    {
        await telegram.SayAsync(chat, "/subscribe", user, chatType);
        return await telegram.ReadDigestAsync(chat, user, chatType);
    }
}
