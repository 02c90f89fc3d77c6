using System.Text.Json.Nodes;

namespace Digest.TestKit.Discord;

/// <summary>
/// One request as it arrived. <see cref="Route"/> has every id replaced ("POST /channels/{id}/messages"), the token
/// in webhook and interaction paths too; <see cref="Json"/> is the JSON body, or for multipart the payload_json part.
/// </summary>
public sealed record DiscordRecordedRequest(
    string Method,
    string Path,
    string Query,
    string Route,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Json,
    IReadOnlyList<DiscordRecordedPart> Parts,
    DateTimeOffset ArrivedAt,
    int Status)
{
    public string? Authorization => Headers.GetValueOrDefault("Authorization");

    public DiscordRecordedPart? Part(string name) => Parts.FirstOrDefault(p => p.Name == name);
}

/// <summary>A multipart part: its form name, file name, content type and bytes.</summary>
public sealed record DiscordRecordedPart(string Name, string? FileName, string? ContentType, byte[] Content);

/// <summary>A refusal the fake answers with: the HTTP status and Discord's error code and message.</summary>
public sealed record DiscordError(int Status, int Code, string Message)
{
    public static DiscordError UnknownChannel { get; } = new(404, 10003, "Unknown Channel");

    public static DiscordError UnknownMessage { get; } = new(404, 10008, "Unknown Message");

    public static DiscordError UnknownWebhook { get; } = new(404, 10015, "Unknown Webhook");

    public static DiscordError MissingAccess { get; } = new(403, 50001, "Missing Access");

    public static DiscordError MissingPermissions { get; } = new(403, 50013, "Missing Permissions");
}
