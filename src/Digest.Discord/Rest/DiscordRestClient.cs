using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Discord.Rest;

/// <summary>
/// The Discord REST v10 calls Digest makes. Waits out rate limits itself (per bucket, and globally after a global 429);
/// every other refusal is a <see cref="DiscordApiException"/> with Discord's code. Ids are snowflakes as strings.
/// </summary>
public sealed class DiscordRestClient
{
    private readonly DiscordRequestSender _sender;

    public DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sender = new DiscordRequestSender(http, options.Value, new DiscordRateLimits(time), time, logger);
    }

    public async Task<DiscordMessage> CreateMessageAsync(string channelId, DiscordMessageContent message, CancellationToken ct = default) =>
        await CreateMessageAsync(channelId, message, files: [], ct);

    /// <summary>With uploads: multipart with payload_json and files[0…n].</summary>
    public async Task<DiscordMessage> CreateMessageAsync(string channelId, DiscordMessageContent message, IReadOnlyList<DiscordFile> files, CancellationToken ct = default)
    {
        var route = Route(HttpMethod.Post, $"channels/{Id(channelId)}/messages");
        var json = await _sender.SendAsync(route, string.Empty, DiscordPayloads.Body(DiscordPayloads.Message(message, files), files), ct);
        return DiscordMessage.From(json, route.LogName);
    }

    public async Task<DiscordMessage> EditMessageAsync(string channelId, string messageId, DiscordMessageContent message, CancellationToken ct = default)
    {
        var route = Route(HttpMethod.Patch, $"channels/{Id(channelId)}/messages/{Id(messageId)}");
        var json = await _sender.SendAsync(route, string.Empty, DiscordPayloads.Body(DiscordPayloads.Message(message), null), ct);
        return DiscordMessage.From(json, route.LogName);
    }

    /// <summary>A public thread on a message; the thread's id is the message's.</summary>
    public async Task<DiscordChannel> CreateThreadFromMessageAsync(string channelId, string messageId, string name, int? autoArchiveMinutes = null, CancellationToken ct = default)
    {
        var route = Route(HttpMethod.Post, $"channels/{Id(channelId)}/messages/{Id(messageId)}/threads");
        var body = new JsonObject { ["name"] = name };
        if (autoArchiveMinutes is { } minutes)
        {
            body["auto_archive_duration"] = minutes;
        }
        var json = await _sender.SendAsync(route, string.Empty, DiscordPayloads.Body(body, null), ct);
        return DiscordChannel.From(json, route.LogName);
    }

    /// <summary>
    /// For channels Digest may only post to through a webhook. Sent with wait=true, so Discord answers with the message
    /// and reports failures that it would otherwise swallow.
    /// </summary>
    public async Task<DiscordMessage> ExecuteWebhookAsync(
        string webhookId, string webhookToken, DiscordMessageContent message, IReadOnlyList<DiscordFile>? files = null,
        string? username = null, string? threadId = null, CancellationToken ct = default)
    {
        var route = Route(HttpMethod.Post, $"webhooks/{Id(webhookId)}/{Token(webhookToken)}");
        var body = DiscordPayloads.Message(message, files);
        if (username is not null)
        {
            body["username"] = username;
        }
        var query = "?wait=true" + (threadId is null ? string.Empty : "&thread_id=" + Id(threadId));
        var json = await _sender.SendAsync(route, query, DiscordPayloads.Body(body, files), ct);
        return DiscordMessage.From(json, route.LogName);
    }

    /// <summary>Replaces every global command of the application; returns them with their ids.</summary>
    public Task<JsonArray> BulkOverwriteGlobalCommandsAsync(string applicationId, JsonArray commands, CancellationToken ct = default) =>
        OverwriteAsync(Route(HttpMethod.Put, $"applications/{Id(applicationId)}/commands"), commands, ct);

    /// <summary>Replaces the commands of one guild; they appear at once, unlike global ones.</summary>
    public Task<JsonArray> BulkOverwriteGuildCommandsAsync(string applicationId, string guildId, JsonArray commands, CancellationToken ct = default) =>
        OverwriteAsync(Route(HttpMethod.Put, $"applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands"), commands, ct);

    /// <summary>The first answer to an interaction, due within 3 seconds of it; <paramref name="data"/> for message types.</summary>
    public async Task CreateInteractionResponseAsync(
        string interactionId, string interactionToken, InteractionCallbackType type, DiscordMessageContent? data = null, CancellationToken ct = default)
    {
        var route = Route(HttpMethod.Post, $"interactions/{Id(interactionId)}/{Token(interactionToken)}/callback");
        var body = new JsonObject { ["type"] = (int)type };
        if (data is not null)
        {
            body["data"] = DiscordPayloads.Message(data);
        }
        await _sender.SendAsync(route, string.Empty, DiscordPayloads.Body(body, null), ct);
    }

    /// <summary>A further message for an interaction, within 15 minutes of it (wait is implied).</summary>
    public async Task<DiscordMessage> CreateFollowupMessageAsync(
        string applicationId, string interactionToken, DiscordMessageContent message, IReadOnlyList<DiscordFile>? files = null, CancellationToken ct = default)
    {
        var route = Route(HttpMethod.Post, $"webhooks/{Id(applicationId)}/{Token(interactionToken)}");
        var json = await _sender.SendAsync(route, string.Empty, DiscordPayloads.Body(DiscordPayloads.Message(message, files), files), ct);
        return DiscordMessage.From(json, route.LogName);
    }

    /// <summary>Fills in a deferred answer (or changes the first one).</summary>
    public async Task<DiscordMessage> EditOriginalInteractionResponseAsync(
        string applicationId, string interactionToken, DiscordMessageContent message, CancellationToken ct = default)
    {
        var route = Route(HttpMethod.Patch, $"webhooks/{Id(applicationId)}/{Token(interactionToken)}/messages/@original");
        var json = await _sender.SendAsync(route, string.Empty, DiscordPayloads.Body(DiscordPayloads.Message(message), null), ct);
        return DiscordMessage.From(json, route.LogName);
    }

    private async Task<JsonArray> OverwriteAsync(DiscordRoute route, JsonArray commands, CancellationToken ct)
    {
        var json = await _sender.SendAsync(route, string.Empty, DiscordPayloads.Body(commands.DeepClone(), null), ct);
        return json as JsonArray
            ?? throw new DiscordApiException(System.Net.HttpStatusCode.OK, DiscordErrorCodes.General, "answer is not a command array", route.LogName);
    }

    private static DiscordRoute Route(HttpMethod method, string path) => DiscordRoute.Create(method, path);

    // Anything else in a path segment would change the route (or its bucket) rather than fail.
    private static string Id(string snowflake, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(snowflake))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(snowflake, name);
        return snowflake.All(char.IsAsciiDigit) ? snowflake : throw new ArgumentException("A Discord id is a snowflake of digits", name);
    }

    private static string Token(string token, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(token))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token, name);
        return Uri.EscapeDataString(token);
    }
}
