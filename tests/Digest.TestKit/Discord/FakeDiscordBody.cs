using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Digest.TestKit.Discord;

/// <summary>A request body: JSON, or multipart with its parts kept exactly as sent and payload_json parsed as the JSON.</summary>
internal sealed record FakeDiscordBody(JsonNode? Json, IReadOnlyList<DiscordRecordedPart> Parts)
{
    public static async Task<FakeDiscordBody> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentType is null)
        {
            return new FakeDiscordBody(null, []);
        }
        var type = MediaTypeHeaderValue.Parse(request.ContentType);
        if (type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var parts = await ReadPartsAsync(request, HeaderUtilities.RemoveQuotes(type.Boundary).Value!, ct);
            var payload = parts.FirstOrDefault(p => p.Name == "payload_json");
            return new FakeDiscordBody(payload is null ? null : Parse(payload.Content), parts);
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return new FakeDiscordBody(buffer.Length == 0 ? null : Parse(buffer.ToArray()), []);
    }

    private static async Task<List<DiscordRecordedPart>> ReadPartsAsync(HttpRequest request, string boundary, CancellationToken ct)
    {
        var reader = new MultipartReader(boundary, request.Body);
        var parts = new List<DiscordRecordedPart>();
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            var disposition = section.GetContentDispositionHeader();
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer, ct);
            var fileName = disposition?.FileNameStar.Value ?? disposition?.FileName.Value;
            parts.Add(new DiscordRecordedPart(
                HeaderUtilities.RemoveQuotes(disposition?.Name ?? string.Empty).Value ?? string.Empty,
                fileName is null ? null : HeaderUtilities.RemoveQuotes(fileName).Value,
                section.ContentType,
                buffer.ToArray()));
        }
        return parts;
    }

    private static JsonNode? Parse(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
