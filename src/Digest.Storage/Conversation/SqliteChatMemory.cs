using System.Text.Json;
using Digest.Core.Conversation.Memory;
using Digest.Storage.Sql;

namespace Digest.Storage.Conversation;

public sealed class SqliteChatMemory(SqliteDatabase db) : IChatMemory
{
    private static readonly DateOnly EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch);

    public async Task<IReadOnlyList<ChatTurn>> RecallAsync(string platform, string chatId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var newestFirst = await connection.Command("""
            SELECT at, asked, replied, article_ids, tokens FROM chat_turns
            WHERE platform = @platform AND chat_id = @chat
            ORDER BY id DESC LIMIT @kept
            """)
            .With("@platform", platform)
            .With("@chat", chatId)
            .With("@kept", IChatMemory.Kept)
            .ListAsync(r => new ChatTurn(
                platform, chatId, Values.FromUnixMs(r.GetInt64(0)), r.GetString(1), r.GetString(2),
                JsonSerializer.Deserialize<List<long>>(r.GetString(3)) ?? [], r.GetInt64(4)), ct);
        newestFirst.Reverse();
        return newestFirst;
    }

    public async Task RememberAsync(ChatTurn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var day = Day(turn.At);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        await connection.Command("""
            INSERT INTO chat_turns (platform, chat_id, at, asked, replied, article_ids, tokens)
            VALUES (@platform, @chat, @at, @asked, @replied, @articles, @tokens)
            """, tx)
            .With("@platform", turn.Platform)
            .With("@chat", turn.ChatId)
            .With("@at", turn.At.ToUnixMs())
            .With("@asked", Clip(turn.Asked))
            .With("@replied", Clip(turn.Replied))
            .With("@articles", Values.IdList(turn.ArticleIds))
            .With("@tokens", turn.Tokens)
            .RunAsync(ct);
        await connection.Command("""
            DELETE FROM chat_turns
            WHERE platform = @platform AND chat_id = @chat
              AND id <= (SELECT id FROM chat_turns WHERE platform = @platform AND chat_id = @chat ORDER BY id DESC LIMIT 1 OFFSET @kept)
            """, tx)
            .With("@platform", turn.Platform)
            .With("@chat", turn.ChatId)
            .With("@kept", IChatMemory.Kept)
            .RunAsync(ct);
        if (turn.Tokens > 0)
        {
            await connection.Command("""
                INSERT INTO chat_tokens (platform, chat_id, day, tokens) VALUES (@platform, @chat, @day, @tokens)
                ON CONFLICT (platform, chat_id, day) DO UPDATE SET tokens = tokens + excluded.tokens
                """, tx)
                .With("@platform", turn.Platform)
                .With("@chat", turn.ChatId)
                .With("@day", day)
                .With("@tokens", turn.Tokens)
                .RunAsync(ct);
            // Yesterday stays for a turn just after midnight; older days are no budget's business.
            await connection.Command("DELETE FROM chat_tokens WHERE platform = @platform AND chat_id = @chat AND day < @yesterday", tx)
                .With("@platform", turn.Platform)
                .With("@chat", turn.ChatId)
                .With("@yesterday", day - 1)
                .RunAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<long> TokensOnAsync(string platform, string chatId, DateOnly day, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command("SELECT COALESCE(SUM(tokens), 0) FROM chat_tokens WHERE platform = @platform AND chat_id = @chat AND day = @day")
            .With("@platform", platform)
            .With("@chat", chatId)
            .With("@day", day.DayNumber - EpochDay.DayNumber)
            .ScalarInt64Async(ct);
    }

    private static long Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).DayNumber - EpochDay.DayNumber;

    private static string Clip(string text)
    {
        if (text.Length <= ChatTurn.MaxText)
        {
            return text;
        }
        var end = char.IsHighSurrogate(text[ChatTurn.MaxText - 1]) ? ChatTurn.MaxText - 1 : ChatTurn.MaxText;
        return text[..end] + "…";
    }
}
