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
    string? CallbackData = null);
