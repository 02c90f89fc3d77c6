namespace Digest.Core.Conversation.Memory;

/// <summary>
/// What the bot remembers of each chat's conversation: its last <see cref="Kept"/> turns, and the LLM tokens its
/// replies spent per UTC day. Nothing else of what people say is stored.
/// </summary>
public interface IChatMemory
{
    /// <summary>Turns kept per chat; older ones are forgotten as new ones come.</summary>
    const int Kept = 10;

    /// <summary>The chat's remembered turns, oldest first.</summary>
    Task<IReadOnlyList<ChatTurn>> RecallAsync(string platform, string chatId, CancellationToken ct);

    /// <summary>Keeps the turn (its texts clipped to <see cref="ChatTurn.MaxText"/>), forgets beyond <see cref="Kept"/>, and adds its tokens to that day's count.</summary>
    Task RememberAsync(ChatTurn turn, CancellationToken ct);

    /// <summary>LLM tokens the chat's replies spent on that UTC day.</summary>
    Task<long> TokensOnAsync(string platform, string chatId, DateOnly day, CancellationToken ct);
}
