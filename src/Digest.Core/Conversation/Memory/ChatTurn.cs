namespace Digest.Core.Conversation.Memory;

/// <summary>
/// One exchange in a chat: what was said outside commands, what the bot replied, and the articles the reply was about
/// (the summarized page, the cited sources), so that "it" and "that article" in the next message can point back.
/// </summary>
/// <param name="Tokens">LLM tokens the reply cost; counted against the chat's daily budget.</param>
public sealed record ChatTurn(
    string Platform,
    string ChatId,
    DateTimeOffset At,
    string Asked,
    string Replied,
    IReadOnlyList<long> ArticleIds,
    long Tokens)
{
    /// <summary>How much of each side is kept: enough to give a follow-up its context, not a transcript.</summary>
    public const int MaxText = 600;
}
