using System.Globalization;
using Digest.Core.Conversation;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using Digest.TestKit.OpenAi;
using Digest.TestKit.Telegram;

namespace Digest.Integration.Tests.Telegram;

/// <summary>
/// Settings in plain words with an LLM configured: the model's function calls (scripted on the fake OpenAI-compatible
/// server) change the sending chat's settings and are confirmed in words, through the fake Bot API.
/// </summary>
public sealed class SettingsWithLlmTests
{
    private const long Chat = 9191;
    private const long OtherChat = 9292;
    private const long Group = -100900;
    private const long Member = 93;

    [Fact]
    public async Task The_models_calls_change_only_the_sending_chat_a_group_member_is_refused_and_questions_never_offer_the_functions()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        var settings = TestApp.TelegramWithLlm(telegram.BaseUrl, llm);
        await using var app = await TestApp.StartAsync(dir, settings);
        await Seed.ArticlesAsync(app.Services, DateTimeOffset.UtcNow);
        await telegram.SayAsync(Chat, "/subscribe");
        await telegram.SayAsync(OtherChat, "/subscribe");

        llm.Enqueue(FakeOpenAiMode.Calling(
            new FakeToolCall("change_keyword", """{"keyword":"crypto","direction":"Less"}"""),
            new FakeToolCall("change_category", """{"category":"AiMl","direction":"More"}""")));
        var confirmed = await telegram.SayAsync(Chat, "less crypto, more AI");

        Assert.Contains("Less crypto", confirmed, StringComparison.Ordinal);
        Assert.Contains("More AI / ML", confirmed, StringComparison.Ordinal);
        var mine = await SubscriberAsync(app, Chat);
        Assert.Equal(["crypto"], mine.Mutes);
        Assert.Equal(["ai-ml"], mine.Boosts);
        var theirs = await SubscriberAsync(app, OtherChat);
        Assert.Empty(theirs.Mutes);
        Assert.Empty(theirs.Boosts);

        // Words the grammar has no rule for: the model reads them.
        llm.Enqueue(FakeOpenAiMode.Calling(
            new FakeToolCall("change_keyword", """{"keyword":"blockchain","direction":"Mute"}"""),
            new FakeToolCall("set_delivery_time", """{"time":"07:15"}""")));
        var reworded = await telegram.SayAsync(Chat, "honestly I'd rather skip the blockchain stuff, and can it come at breakfast, like 7:15");
        Assert.Contains("blockchain", reworded, StringComparison.Ordinal);
        Assert.Contains("07:15", reworded, StringComparison.Ordinal);
        mine = await SubscriberAsync(app, Chat);
        Assert.Equal(new TimeOnly(7, 15), mine.DeliveryTime);
        Assert.Equal(["blockchain", "crypto"], mine.Mutes.Order(StringComparer.Ordinal));

        // A question goes straight to the answer, and the answer call offers no functions.
        var settingsCalls = llm.Calls("settings");
        var answer = await telegram.SayAsync(Chat, "why is sqlite fast?");
        Assert.NotEqual(ChatLimits.BudgetSpent, answer);
        Assert.Equal(settingsCalls, llm.Calls("settings"));
        Assert.All(llm.Requests.Where(r => r.Purpose == "answer"), r => Assert.Empty(r.Tools));
        Assert.All(llm.Requests.Where(r => r.Purpose == "settings"), r => Assert.NotEmpty(r.Tools));

        // In a group, members may ask but not change settings, whatever the model read.
        telegram.AddChat(new FakeChat(Group, "supergroup", "Team"));
        telegram.SetMemberStatus(Group, Member, "member");
        llm.Enqueue(FakeOpenAiMode.Calling(new FakeToolCall("set_top", """{"count":3}""")));
        var refused = await telegram.SayAsync(Group, $"@{telegram.Options.BotUsername} only three articles from now on", Member, "supergroup");
        Assert.Equal(ChatAssistant.SettingsForAdmins, refused);
        var group = await app.Get<ISubscriberStore>().GetAsync("telegram", Group.ToString(CultureInfo.InvariantCulture), default);
        Assert.NotEqual(3, group?.Top);
    }

    [Fact]
    public async Task When_the_model_fails_the_grammar_reads_the_common_phrasings()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        var settings = TestApp.TelegramWithLlm(telegram.BaseUrl, llm);
        await using var app = await TestApp.StartAsync(dir, settings);
        await telegram.SayAsync(Chat, "/subscribe");
        llm.DefaultMode = FakeOpenAiMode.ServerError;

        var confirmed = await telegram.SayAsync(Chat, "top 5");

        Assert.Contains("5", confirmed, StringComparison.Ordinal);
        Assert.Equal(5, (await SubscriberAsync(app, Chat)).Top);
        Assert.Equal(1, llm.Calls("settings"));
    }

    private static async Task<Subscriber> SubscriberAsync(TestApp app, long chat) =>
        (await app.Get<ISubscriberStore>().GetAsync("telegram", chat.ToString(CultureInfo.InvariantCulture), default))!;
}
