using System.Text.Json.Nodes;

namespace Digest.Discord.Rest;

/// <summary>A channel (here: a thread) as far as Digest needs it.</summary>
public sealed record DiscordChannel(string Id, int Type, string? Name, string? ParentId)
{
    internal static DiscordChannel From(JsonNode? node, string route) =>
        new(
            DiscordMessage.Required(node, "id", route),
            node?["type"]?.GetValue<int>() ?? 0,
            node?["name"]?.GetValue<string>(),
            node?["parent_id"]?.GetValue<string>());
}
