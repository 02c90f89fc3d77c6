using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Digest.TestKit.Discord;

// The HTTP surface: reading, recording, routing, and each route's answer.
public sealed partial class FakeDiscordServer
{
    private const string Prefix = "/api/v10/";

    private async Task HandleAsync(HttpContext http)
    {
        var arrived = Now;
        var path = http.Request.Path.Value ?? string.Empty;
        var route = FakeRoute.Parse(http.Request.Method, path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..] : path);
        var body = await FakeDiscordBody.ReadAsync(http.Request, http.RequestAborted);
        var (status, answer) = Answer(http, route, body);
        Record(new DiscordRecordedRequest(
            http.Request.Method, path, http.Request.QueryString.Value ?? string.Empty, route.Template,
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.Json, body.Parts, arrived, status));
        http.Response.StatusCode = status;
        if (answer is not null)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(answer.ToJsonString(), http.RequestAborted);
        }
    }

    private (int Status, JsonNode? Answer) Answer(HttpContext http, FakeRoute route, FakeDiscordBody body)
    {
        if (!http.Request.Path.StartsWithSegments("/api/v10", StringComparison.Ordinal))
        {
            return Error(new DiscordError(404, 0, "404: Not Found"));
        }
        var needsBot = route.Segments.Length > 0 && route.Segments[0] is "channels" or "applications";
        if (needsBot && Options.Token is { } token && http.Request.Headers.Authorization.ToString() != "Bot " + token)
        {
            return Error(new DiscordError(401, 0, "401: Unauthorized"));
        }
        if (Admit(http.Response, route) is { } tooMany)
        {
            return (429, tooMany);
        }
        if (ErrorFor(route.Template, route.ChannelId) is { } error)
        {
            return Error(error);
        }
        var wait = http.Request.Query["wait"] == "true";
        return route.Template switch
        {
            "POST /channels/{id}/messages" => Sent(route.Id(1), body),
            "PATCH /channels/{id}/messages/{id}" => Edited(route.Id(1), route.Id(3), body),
            "POST /channels/{id}/messages/{id}/threads" => Thread(route.Id(1), route.Id(3), body),
            "POST /webhooks/{id}/{token}" when wait || route.Id(1) == Options.ApplicationId =>
                Sent(http.Request.Query["thread_id"].FirstOrDefault() ?? route.Id(1), body),
            // Without wait Discord answers at once and keeps any failure to itself.
            "POST /webhooks/{id}/{token}" => (204, null),
            "PATCH /webhooks/{id}/{token}/messages/@original" => EditedOriginal(route.Id(1), body),
            "PUT /applications/{id}/commands" => Commands(route.Id(1), guildId: null, body),
            "PUT /applications/{id}/guilds/{id}/commands" => Commands(route.Id(1), route.Id(3), body),
            "POST /interactions/{id}/{token}/callback" => body.Json?["type"] is null ? Error(InvalidForm("type")) : (204, null),
            _ => Error(new DiscordError(404, 0, "404: Not Found")),
        };
    }

    private (int, JsonNode?) Sent(string channelId, FakeDiscordBody body)
    {
        var payload = body.Json as JsonObject ?? [];
        var content = payload["content"]?.GetValue<string>() ?? string.Empty;
        var hasFiles = body.Parts.Any(p => p.FileName is not null);
        if (content.Length == 0 && payload["embeds"] is null && payload["components"] is null && !hasFiles)
        {
            return Error(new DiscordError(400, 50006, "Cannot send an empty message"));
        }
        if (content.Length > 2000)
        {
            return Error(InvalidForm("content"));
        }
        var id = NextSnowflake();
        lock (_gate)
        {
            _messages[id] = channelId;
        }
        return (200, MessageObject(id, channelId, content, payload, body));
    }

    private (int, JsonNode?) Edited(string channelId, string messageId, FakeDiscordBody body)
    {
        lock (_gate)
        {
            if (_messages.GetValueOrDefault(messageId) != channelId)
            {
                return Error(DiscordError.UnknownMessage);
            }
        }
        var payload = body.Json as JsonObject ?? [];
        var message = MessageObject(messageId, channelId, payload["content"]?.GetValue<string>() ?? string.Empty, payload, body);
        return (200, Edit(message));
    }

    private (int, JsonNode?) EditedOriginal(string channelId, FakeDiscordBody body)
    {
        var (status, message) = Sent(channelId, body);
        return status == 200 ? (status, Edit(message)) : (status, message);
    }

    private (int, JsonNode?) Thread(string channelId, string messageId, FakeDiscordBody body)
    {
        if (body.Json?["name"]?.GetValue<string>() is not { Length: >= 1 and <= 100 } name)
        {
            return Error(InvalidForm("name"));
        }
        lock (_gate)
        {
            if (_messages.GetValueOrDefault(messageId) != channelId)
            {
                return Error(DiscordError.UnknownMessage);
            }
        }
        // A thread started from a message takes the message's id.
        return (201, new JsonObject
        {
            ["id"] = messageId,
            ["type"] = 11,
            ["parent_id"] = channelId,
            ["owner_id"] = Options.BotUserId,
            ["name"] = name,
            ["thread_metadata"] = new JsonObject { ["archived"] = false, ["auto_archive_duration"] = body.Json?["auto_archive_duration"]?.GetValue<int>() ?? 4320, ["locked"] = false },
        });
    }

    private (int, JsonNode?) Commands(string applicationId, string? guildId, FakeDiscordBody body)
    {
        if (body.Json is not JsonArray commands)
        {
            return Error(InvalidForm("commands"));
        }
        var answer = new JsonArray();
        foreach (var command in commands.OfType<JsonObject>())
        {
            var stored = (JsonObject)command.DeepClone();
            stored["id"] = NextSnowflake();
            stored["application_id"] = applicationId;
            stored["version"] = NextSnowflake();
            stored["type"] ??= 1;
            if (guildId is not null)
            {
                stored["guild_id"] = guildId;
            }
            answer.Add(stored);
        }
        return (200, answer);
    }

    private JsonObject MessageObject(string id, string channelId, string content, JsonObject payload, FakeDiscordBody body)
    {
        var attachments = new JsonArray();
        foreach (var part in body.Parts.Where(p => p.FileName is not null))
        {
            attachments.Add(new JsonObject
            {
                ["id"] = NextSnowflake(),
                ["filename"] = part.FileName,
                ["size"] = part.Content.Length,
                ["content_type"] = part.ContentType,
                ["url"] = $"https://cdn.discordapp.com/attachments/{channelId}/{id}/{part.FileName}",
            });
        }
        return new JsonObject
        {
            ["id"] = id,
            ["type"] = 0,
            ["channel_id"] = channelId,
            ["author"] = new JsonObject { ["id"] = Options.BotUserId, ["username"] = "Digest", ["bot"] = true },
            ["content"] = content,
            ["timestamp"] = Now.ToString("O", CultureInfo.InvariantCulture),
            ["edited_timestamp"] = null,
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = attachments,
            ["embeds"] = payload["embeds"]?.DeepClone() ?? new JsonArray(),
            ["pinned"] = false,
            ["flags"] = payload["flags"]?.DeepClone() ?? 0,
        };
    }

    private JsonNode? Edit(JsonNode? message)
    {
        if (message is JsonObject o)
        {
            o["edited_timestamp"] = Now.ToString("O", CultureInfo.InvariantCulture);
        }
        return message;
    }

    private static DiscordError InvalidForm(string field) => new(400, 50035, $"Invalid Form Body ({field})");

    private static (int, JsonNode?) Error(DiscordError error) =>
        (error.Status, new JsonObject { ["message"] = error.Message, ["code"] = error.Code });
}
