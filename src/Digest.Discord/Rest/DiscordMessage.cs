using System.Text.Json.Nodes;

namespace Digest.Discord.Rest;

/// <summary>The part of Discord's message object Digest keeps: enough to edit it or start a thread on it later.</summary>
public sealed record DiscordMessage(string Id, string ChannelId, string? Content)
{
    internal static DiscordMessage From(JsonNode? node, string route) =>
        new(
            Required(node, "id", route),
            Required(node, "channel_id", route),
            node?["content"]?.GetValue<string>());

    internal static string Required(JsonNode? node, string name, string route) =>
        node?[name]?.GetValue<string>()
        ?? throw new DiscordApiException(System.Net.HttpStatusCode.OK, DiscordErrorCodes.General, $"answer without \"{name}\"", route);
}
