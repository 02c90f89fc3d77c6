using Digest.Core.Conversation;
using Digest.Integration.Tests.Support;
using Digest.TestKit.OpenAi;
using Digest.TestKit.Telegram;

namespace Digest.Integration.Tests.Telegram;

/// <summary>The limits on talking to the bot, through the fake Bot API and the fake LLM: per chat, and per day.</summary>
public sealed class ChatLimitsTests
{
    private const long Chat = 8383;

    [Fact]
    public async Task A_chat_asking_faster_than_its_allowance_is_told_to_wait_while_another_chat_is_answered()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        var settings = TestApp.Telegram(telegram.BaseUrl);
        settings["Conversation:PerChatPerMinute"] = "2";
        await using var app = await TestApp.StartAsync(dir, settings);
        await Seed.ArticlesAsync(app.Services, DateTimeOffset.UtcNow);

        var replies = new List<string>();
        foreach (var question in (string[])["what about sqlite?", "and ransomware?", "and datasette?"])
        {
            replies.Add(await telegram.SayAsync(Chat, question));
        }
        var other = await telegram.SayAsync(Chat + 1, "what about sqlite?");

        Assert.All(replies.Take(2), r => Assert.NotEqual(ChatLimits.TooFast, r));
        Assert.Equal(ChatLimits.TooFast, replies[2]);
        Assert.Contains("SQLite", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_days_answer_tokens_are_spent_a_question_gets_the_friendly_message_and_no_LLM_call()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        var settings = TestApp.TelegramWithLlm(telegram.BaseUrl, llm);
        // The fake reports its fixed token counts per call: one answer spends the day's budget.
        settings["Conversation:DailyAnswerTokens"] = "1";
        await using var app = await TestApp.StartAsync(dir, settings);
        await Seed.ArticlesAsync(app.Services, DateTimeOffset.UtcNow);

        var first = await telegram.SayAsync(Chat, "why is sqlite fast?");
        var answered = llm.Calls("answer");
        var second = await telegram.SayAsync(Chat, "and what about ransomware?");

        Assert.Equal(1, answered);
        Assert.NotEqual(ChatLimits.BudgetSpent, first);
        Assert.Equal(ChatLimits.BudgetSpent, second);
        Assert.Equal(answered, llm.Calls("answer"));
    }

    [Fact]
    public async Task A_chat_that_spent_its_own_daily_tokens_is_told_so_while_other_chats_are_still_answered_and_settings_work_offline()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        var settings = TestApp.TelegramWithLlm(telegram.BaseUrl, llm);
        // Each fake call costs 160 tokens: the second answer takes this chat past 300.
        settings["Conversation:DailyChatTokens"] = "300";
        await using var app = await TestApp.StartAsync(dir, settings);
        await Seed.ArticlesAsync(app.Services, DateTimeOffset.UtcNow);
        await telegram.SayAsync(Chat, "/subscribe");

        var answers = new List<string>();
        foreach (var question in (string[])["why is sqlite fast?", "what about ransomware?", "and datasette?"])
        {
            answers.Add(await telegram.SayAsync(Chat, question));
        }
        var answered = llm.Calls("answer");
        var callsBefore = llm.TotalCalls;
        var settingsReply = await telegram.SayAsync(Chat, "less crypto");
        var other = await telegram.SayAsync(Chat + 1, "why is sqlite fast?");

        Assert.All(answers.Take(2), a => Assert.NotEqual(ChatLimits.BudgetSpent, a));
        Assert.Equal(ChatLimits.BudgetSpent, answers[2]);
        Assert.Equal(2, answered);
        // Read by the grammar, with no call: a spent budget does not take the chat's settings away.
        Assert.Contains("Less crypto", settingsReply, StringComparison.Ordinal);
        Assert.NotEqual(ChatLimits.BudgetSpent, other);
        Assert.Equal(answered + 1, llm.Calls("answer"));
        Assert.Equal(callsBefore + 1, llm.TotalCalls);
    }
}
