using Digest.Core.Conversation.Memory;
using Digest.Storage.Conversation;

namespace Digest.Storage.Tests.Conversation;

public sealed class ChatMemoryTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Evening = new(2026, 6, 2, 23, 50, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_chat_keeps_its_last_ten_turns_oldest_first_across_a_restart_and_other_chats_are_apart()
    {
        await using var test = await TestDatabase.CreateAsync();
        var memory = new SqliteChatMemory(test.Db);
        for (var i = 0; i < 12; i++)
        {
            await memory.RememberAsync(Turn("1", $"question {i}", Evening.AddSeconds(i), tokens: 0, articles: [i]), Ct);
        }
        await memory.RememberAsync(Turn("2", "elsewhere", Evening, tokens: 0, articles: []), Ct);

        var recalled = await new SqliteChatMemory(test.Reopen()).RecallAsync("telegram", "1", Ct);

        Assert.Equal(Enumerable.Range(2, 10).Select(i => $"question {i}"), recalled.Select(t => t.Asked));
        Assert.Equal([11L], recalled[^1].ArticleIds);
        Assert.Equal(Evening.AddSeconds(11), recalled[^1].At);
        Assert.Equal(["elsewhere"], (await memory.RecallAsync("telegram", "2", Ct)).Select(t => t.Asked));
        Assert.Empty(await memory.RecallAsync("discord", "1", Ct));
    }

    [Fact]
    public async Task Tokens_add_up_per_chat_and_UTC_day_and_a_long_text_is_clipped()
    {
        await using var test = await TestDatabase.CreateAsync();
        var memory = new SqliteChatMemory(test.Db);
        await memory.RememberAsync(Turn("1", new string('x', 5_000), Evening, tokens: 120, articles: []), Ct);
        await memory.RememberAsync(Turn("1", "b", Evening.AddMinutes(5), tokens: 80, articles: []), Ct);
        // Past midnight UTC: a new day's budget.
        await memory.RememberAsync(Turn("1", "c", Evening.AddMinutes(15), tokens: 30, articles: []), Ct);
        await memory.RememberAsync(Turn("2", "d", Evening, tokens: 999, articles: []), Ct);

        var today = DateOnly.FromDateTime(Evening.UtcDateTime);
        Assert.Equal(200, await memory.TokensOnAsync("telegram", "1", today, Ct));
        Assert.Equal(30, await memory.TokensOnAsync("telegram", "1", today.AddDays(1), Ct));
        Assert.Equal(999, await memory.TokensOnAsync("telegram", "2", today, Ct));
        var first = (await memory.RecallAsync("telegram", "1", Ct))[0];
        Assert.Equal(ChatTurn.MaxText + 1, first.Asked.Length);
    }

    private static ChatTurn Turn(string chat, string asked, DateTimeOffset at, long tokens, IReadOnlyList<long> articles) =>
        new("telegram", chat, at, asked, "reply to " + asked, articles, tokens);
}
