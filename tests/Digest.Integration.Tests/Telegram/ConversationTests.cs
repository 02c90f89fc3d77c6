using Digest.Core.Articles;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;

namespace Digest.Integration.Tests.Telegram;

public sealed class ConversationTests
{
    private const long Chat = 4242;
    private const long User = 4242;

    [Fact]
    public async Task A_person_subscribes_picks_categories_sets_time_and_zone_and_reads_the_digest()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = await TestApp.StartAsync(dir, TestApp.Telegram(telegram.BaseUrl));
        await using var sender = BackgroundSender.Start(app);
        await Seed.EditionAsync(app.Services, DateTimeOffset.UtcNow);

        async Task<SentTelegramMessage> Say(string text)
        {
            var before = telegram.Messages(Chat).Count;
            telegram.InjectMessage(Chat, User, text);
            return (await telegram.WaitForMessagesAsync(Chat, before + 1))[before];
        }

        var welcome = await Say("/start");
        Assert.Contains(welcome.Buttons, b => b.Data == "start:subscribe");

        telegram.InjectCallback(Chat, User, welcome.MessageId, "start:subscribe");
        await telegram.WaitUntilAsync(() => telegram.Messages(Chat)[0].Text.Contains("Subscribed", StringComparison.Ordinal), "the welcome edited to confirm");

        var keyboard = await Say("/categories");
        Assert.Equal(Categories.All.Count + 1, keyboard.Buttons.Count);
        Assert.All(keyboard.Buttons.Take(Categories.All.Count), b => Assert.StartsWith("✅", b.Text, StringComparison.Ordinal));
        telegram.InjectCallback(Chat, User, keyboard.MessageId, "cat:security");
        await telegram.WaitUntilAsync(
            () => telegram.Messages(Chat).First(m => m.MessageId == keyboard.MessageId).Buttons.Any(b => b.Text.StartsWith("▫️", StringComparison.Ordinal) && b.Data == "cat:security"),
            "security unticked");

        Assert.Contains("07:30", (await Say("/time 07:30")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", (await Say("/timezone Europe/Berlin")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Usage", (await Say("/timezone Nowhere/Special")).PlainText, StringComparison.Ordinal);

        var settings = (await Say("/settings")).PlainText;
        Assert.Contains("07:30 (Europe/Berlin)", settings, StringComparison.Ordinal);
        Assert.Contains("subscribed to the daily digest", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("Security", settings, StringComparison.Ordinal);

        var before = telegram.Messages(Chat).Count;
        telegram.InjectMessage(Chat, User, "/digest");
        await telegram.WaitUntilAsync(() => telegram.Messages(Chat).Count >= before + 2, "the digest's parts");
        var digest = telegram.Messages(Chat).Skip(before).ToList();
        Assert.True(digest[0].IsPhoto);
        var text = string.Join("\n", digest.Skip(1).Select(m => m.PlainText));
        Assert.Contains("AI Daily Digest", text, StringComparison.Ordinal);
        // The security articles are in the edition, but not in this person's cut.
        Assert.Contains("ransomware", await AllStoredTitlesAsync(app), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("A ransomware exploit hits", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Phishing attack steals", text, StringComparison.Ordinal);
        Assert.Contains("gradient accumulation", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_button_press_whose_answer_is_lost_in_transport_is_still_handled_and_the_bot_keeps_answering()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = await TestApp.StartAsync(dir, TestApp.Telegram(telegram.BaseUrl));
        telegram.InjectMessage(Chat, User, "/start");
        var welcome = (await telegram.WaitForMessagesAsync(Chat, 1))[0];

        // The connection dies while the bot answers the press: a transport error, not a Bot API error.
        telegram.DropConnectionNext("answerCallbackQuery");
        telegram.InjectCallback(Chat, User, welcome.MessageId, "start:subscribe");
        await telegram.WaitUntilAsync(() => telegram.Messages(Chat)[0].Text.Contains("Subscribed", StringComparison.Ordinal), "the welcome edited to confirm");
        await telegram.WaitUntilAsync(() => telegram.DroppedConnections == 1, "the answer's connection dropped");

        telegram.InjectMessage(Chat, User, "/settings");
        var settings = (await telegram.WaitForMessagesAsync(Chat, 2))[1];
        Assert.Contains("subscribed to the daily digest", settings.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_group_only_admins_change_settings()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = await TestApp.StartAsync(dir, TestApp.Telegram(telegram.BaseUrl));
        const long group = -100500;
        telegram.AddChat(new FakeChat(group, "supergroup", "Team"));
        telegram.SetMemberStatus(group, 7, "administrator");
        telegram.SetMemberStatus(group, 8, "member");

        telegram.InjectMessage(group, 8, "/subscribe", "supergroup", "Team");
        var refused = (await telegram.WaitForMessagesAsync(group, 1))[0];
        Assert.Contains("Only admins", refused.PlainText, StringComparison.Ordinal);

        telegram.InjectMessage(group, 7, "/subscribe", "supergroup", "Team");
        var accepted = (await telegram.WaitForMessagesAsync(group, 2))[1];
        Assert.Contains("Subscribed", accepted.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_admin_links_a_channel_where_the_bot_is_admin_and_nobody_else_can()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = await TestApp.StartAsync(dir, TestApp.Telegram(telegram.BaseUrl));
        const long channel = -100777, admin = 71, stranger = 72;
        telegram.AddChat(new FakeChat(channel, "channel", "Daily Tech", "dailytech"));
        telegram.SetMemberStatus(channel, FakeTelegramServer.DefaultBotId, "administrator");
        telegram.SetMemberStatus(channel, admin, "creator");

        telegram.InjectMessage(stranger, stranger, "/subscribe @dailytech");
        Assert.Contains("can't link", (await telegram.WaitForMessagesAsync(stranger, 1))[0].PlainText, StringComparison.Ordinal);

        telegram.InjectMessage(admin, admin, "/subscribe @dailytech");
        Assert.Contains("Linked Daily Tech", (await telegram.WaitForMessagesAsync(admin, 1))[0].PlainText, StringComparison.Ordinal);

        var linked = await app.Get<Digest.Core.Subscriptions.ISubscriberStore>().GetAsync("telegram", "-100777", default);
        Assert.NotNull(linked);
        Assert.True(linked.Active);
        Assert.Equal(Digest.Core.Subscriptions.ChatKind.Channel, linked.Kind);
        Assert.Null(await app.Get<Digest.Core.Subscriptions.ISubscriberStore>().GetAsync("telegram", "72", default));
    }

    private static async Task<string> AllStoredTitlesAsync(TestApp app)
    {
        var articles = await app.Get<IArticleStore>().GetSinceAsync(DateTimeOffset.UtcNow.AddDays(-2), default);
        return string.Join("\n", articles.Select(a => a.Title));
    }
}
