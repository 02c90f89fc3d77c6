using Digest.Core.Conversation;

namespace Digest.Telegram.Receiving;

/// <summary>An update we act on: the core's message plus what only Telegram needs to answer it.</summary>
/// <param name="UserId">Null for channel posts, which have no sending user.</param>
/// <param name="SentAsChat">Posted on behalf of the chat itself (an anonymous group admin).</param>
internal sealed record ReceivedUpdate(
    IncomingMessage Message,
    long ChatId,
    long? UserId,
    bool SentAsChat = false,
    string? CallbackQueryId = null,
    int? CallbackMessageId = null);
