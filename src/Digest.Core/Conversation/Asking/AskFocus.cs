using Digest.Core.Conversation.Memory;
using Digest.Core.Editions;

namespace Digest.Core.Conversation.Asking;

/// <summary>
/// Where the chat is: the articles of its last edition (in the order it showed them), and the one article the message
/// points at ("#3", resolved by <see cref="ArticleReference"/>), if any.
/// </summary>
public sealed record AskFocus(IReadOnlyList<EditionItem> Edition, long? ArticleId = null)
{
    public static AskFocus None { get; } = new([]);

    /// <summary>The chat's previous turns, oldest first: the context a follow-up ("and why?") needs.</summary>
    public IReadOnlyList<ChatTurn> Earlier { get; init; } = [];
}
