using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Digest.Discord.Rest;

/// <summary>Request bodies. Every message says allowed_mentions parse [] so no article or LLM text can ping anyone.</summary>
internal static class DiscordPayloads
{
    public static JsonObject Message(DiscordMessageContent message, IReadOnlyList<DiscordFile>? files = null)
    {
        var body = new JsonObject();
        if (message.Content is not null)
        {
            body["content"] = message.Content;
        }
        if (message.Embeds is not null)
        {
            body["embeds"] = message.Embeds.DeepClone();
        }
        if (message.Components is not null)
        {
            body["components"] = message.Components.DeepClone();
        }
        if (message.Flags is { } flags)
        {
            body["flags"] = flags;
        }
        if (message.ReplyToMessageId is { } reply)
        {
            body["message_reference"] = new JsonObject { ["message_id"] = reply, ["fail_if_not_exists"] = false };
        }
        if (files is { Count: > 0 })
        {
            var attachments = new JsonArray();
            for (var i = 0; i < files.Count; i++)
            {
                var attachment = new JsonObject { ["id"] = i, ["filename"] = files[i].FileName };
                if (files[i].Description is { } description)
                {
                    attachment["description"] = description;
                }
                attachments.Add(attachment);
            }
            body["attachments"] = attachments;
        }
        body["allowed_mentions"] = NoMentions();
        return body;
    }

    public static JsonObject NoMentions() => new() { ["parse"] = new JsonArray() };

    public static HttpContent Json(JsonNode body) =>
        new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>payload_json first, then files[0…n], as Discord's upload docs show.</summary>
    public static HttpContent Multipart(JsonNode payload, IReadOnlyList<DiscordFile> files)
    {
        var form = new MultipartFormDataContent();
        form.Add(Json(payload), "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var part = new ReadOnlyMemoryContent(files[i].Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            form.Add(part, $"files[{i}]", files[i].FileName);
        }
        return form;
    }

    /// <summary>A body for JSON or multipart, fresh for each attempt (a sent HttpContent cannot be sent again).</summary>
    public static Func<HttpContent> Body(JsonNode payload, IReadOnlyList<DiscordFile>? files) =>
        files is { Count: > 0 } ? () => Multipart(payload, files) : () => Json(payload);
}
