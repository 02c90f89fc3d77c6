using Digest.Core.Conversation;

namespace Digest.Discord.Receiving;

/// <summary>An event we act on: the core's message plus what only Discord needs to answer it.</summary>
/// <param name="ReplyChannelId">Where replies go: the channel, or the bot's thread the message was written in.</param>
internal sealed record DiscordReceived(IncomingMessage Message, string ReplyChannelId)
{
    /// <summary>The person's message (plain messages) or the one carrying the pressed button (components).</summary>
    public string? MessageId { get; init; }

    public DiscordInteraction? Interaction { get; init; }

    /// <summary>The member's permission bitfield in this channel, as Discord sends it (a decimal string); interactions in guilds only.</summary>
    public string? Permissions { get; init; }

    /// <summary>Whether the interaction was deferred in time; answered on receipt, before the event waits for its chat's turn.</summary>
    public Task<bool> Acknowledged { get; init; } = Task.FromResult(true);
}

/// <param name="Type">2 for a slash command, 3 for a button press.</param>
internal sealed record DiscordInteraction(string Id, string Token, string ApplicationId, int Type)
{
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;

    public bool IsCommand => Type == ApplicationCommand;
}
