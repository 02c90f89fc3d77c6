using System.Text.RegularExpressions;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;

namespace Digest.Integration.Tests.Telegram;

/// <summary>What people type to the bot outside commands, through the fake Bot API: questions about the digest they were
/// shown ("#2"), settings in plain words, and links — offline, so every answer comes from the articles themselves.</summary>
public sealed partial class FreeTextTests
{
    private const long Chat = 6161;
    private const long OtherChat = 7272;

    [GeneratedRegex(@"^2\. (.+)$", RegexOptions.Multiline)]
    private static partial Regex SecondArticle();

    [Fact]
    public async Task A_reader_asks_about_number_2_of_their_digest_changes_it_in_plain_words_and_another_chat_is_untouched()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = await TestApp.StartAsync(dir, TestApp.Telegram(telegram.BaseUrl));
        await using var sender = BackgroundSender.Start(app);
        await Seed.EditionAsync(app.Services, DateTimeOffset.UtcNow);

        await telegram.SayAsync(Chat, "/subscribe");
        await telegram.SayAsync(OtherChat, "/subscribe");
        var digest = await telegram.ReadDigestAsync(Chat);
        var second = SecondArticle().Match(digest).Groups[1].Value.Trim();
        Assert.False(string.IsNullOrEmpty(second), digest);

        // "#2" is the second article as this chat's digest numbered it: the answer starts from it and links it.
        var answer = await telegram.SayAsync(Chat, "what does #2 say?");
        Assert.StartsWith($"[1] {second} — ", answer, StringComparison.Ordinal);
        Assert.Contains("https://", answer, StringComparison.Ordinal);

        var confirmed = await telegram.SayAsync(Chat, "less crypto, more AI");
        Assert.Contains("Less crypto", confirmed, StringComparison.Ordinal);
        Assert.Contains("More AI / ML", confirmed, StringComparison.Ordinal);
        var mine = await app.Get<ISubscriberStore>().GetAsync("telegram", Chat.ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        Assert.Equal(["crypto"], mine!.Mutes);
        Assert.Equal(["ai-ml"], mine.Boosts);
        var theirs = await app.Get<ISubscriberStore>().GetAsync("telegram", OtherChat.ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        Assert.Empty(theirs!.Mutes);
        Assert.Empty(theirs.Boosts);

        Assert.Equal("That address is on a private network; I only read public web pages.", await telegram.SayAsync(Chat, "http://10.0.0.1/admin"));
        Assert.Equal(Digest.Core.Conversation.Asking.AnswerReply.NotFoundText, await telegram.SayAsync(OtherChat, "what about quantum gravity?"));
    }
}
