namespace Digest.Discord.Rest;

/// <summary>The "type" of an interaction response.</summary>
public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,

    /// <summary>"Thinking…": the answer follows within 15 minutes as an edit of the original or a follow-up.</summary>
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
}
