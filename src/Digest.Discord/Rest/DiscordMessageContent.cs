using System.Text.Json.Nodes;

namespace Digest.Discord.Rest;

/// <summary>
/// What a message says. Embeds and components stay JSON: the renderer that builds them knows their shape, the client
/// only carries them. Mentions are never parsed, whatever the text holds (see <see cref="DiscordPayloads"/>).
/// </summary>
public sealed record DiscordMessageContent(string? Content)
{
    public JsonArray? Embeds { get; init; }

    public JsonArray? Components { get; init; }

    /// <summary><see cref="DiscordMessageFlags"/>, or-ed.</summary>
    public int? Flags { get; init; }

    /// <summary>Sends the message as a reply to this one (same channel).</summary>
    public string? ReplyToMessageId { get; init; }
}
