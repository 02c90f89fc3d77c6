namespace Digest.Core.Conversation;

/// <summary>Handles every message and button press from every platform; adapters call it once per update.</summary>
public interface IConversation
{
    Task HandleAsync(IncomingMessage message, IChatContext chat, CancellationToken ct);
}
