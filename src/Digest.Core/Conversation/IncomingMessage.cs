using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation;

/// <summary>A message or button press from a chat, as every platform adapter reports it.</summary>
/// <param name="CallbackData">Set when a button was pressed; <see cref="Text"/> is then empty.</param>
public sealed record IncomingMessage(
    string Platform,
    string ChatId,
    ChatKind ChatKind,
    string? ChatTitle,
    string UserId,
    string Text,
    string? CallbackData = null)
{
    /// <summary>
    /// The message mentions the bot or replies to one of its messages: in groups and channels, only then is free text
    /// meant for it. The adapter removes the mention from <see cref="Text"/>.
    /// </summary>
    public bool AddressedToBot { get; init; }

    /// <summary>The http(s) links of the message this one replies to, in their order there; empty when it is no reply.</summary>
    public IReadOnlyList<string> RepliedToLinks { get; init; } = [];
}
