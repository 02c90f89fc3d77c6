namespace Digest.Core.Conversation;

/// <summary>What a command handler may do in the chat a message came from; the adapter implements it.</summary>
public interface IChatContext
{
    /// <summary>Replies with plain text (the adapter escapes it) and optional buttons.</summary>
    Task ReplyAsync(ChatReply reply, CancellationToken ct);

    /// <summary>True in private chats; in groups and channels, whether the sender administers the chat.</summary>
    Task<bool> IsSenderAdminAsync(CancellationToken ct);

    /// <summary>Whether the sender runs this bot (e.g. Telegram:AdminIds): only they may use operator commands such as /feeds.</summary>
    Task<bool> IsSenderOperatorAsync(CancellationToken ct);

    /// <summary>
    /// For linking a channel or group from a private chat: checks that both the bot and the sender administer the chat
    /// named by <paramref name="chatReference"/> (@username or numeric id). Null when either does not, or it does not exist.
    /// </summary>
    Task<ChatLink?> TryLinkChatAsync(string chatReference, CancellationToken ct);
}

public sealed record ChatLink(string ChatId, Subscriptions.ChatKind Kind, string? Title);

/// <summary>A plain-text reply; buttons are rows of (label, callback data ≤ 64 bytes).</summary>
/// <param name="EditOriginal">For button presses: replace the message that carried the buttons instead of sending a new one.</param>
public sealed record ChatReply(string Text, IReadOnlyList<IReadOnlyList<ChatButton>>? Buttons = null, bool EditOriginal = false);

public sealed record ChatButton(string Label, string Data);
