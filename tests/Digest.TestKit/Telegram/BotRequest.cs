using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Digest.TestKit.Telegram;

/// <summary>
/// One call's parameters, whichever way they came (query, form, multipart, JSON), as text: JSON objects and arrays
/// keep their JSON text, the way multipart carries them. Uploaded parts are kept by part name for attach://.
/// </summary>
internal sealed class BotRequest
{
    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, byte[]> _files;

    private BotRequest(Dictionary<string, string> values, Dictionary<string, byte[]> files)
    {
        _values = values;
        _files = files;
    }

    public static async Task<BotRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            values[key] = value.ToString();
        }

        if (request.HasJsonContentType())
        {
            await ReadJsonAsync(request, values, ct);
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var (key, value) in form)
            {
                values[key] = value.ToString();
            }
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                files[file.Name] = buffer.ToArray();
            }
        }
        return new BotRequest(values, files);
    }

    private static async Task ReadJsonAsync(HttpRequest request, Dictionary<string, string> values, CancellationToken ct)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            throw BotApiError.BadRequest("can't parse JSON object");
        }
        if (body is not JsonObject fields)
        {
            return;
        }
        foreach (var (key, value) in fields)
        {
            if (value is null)
            {
                continue;
            }
            values[key] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) =>
        Text(name) is { Length: > 0 } value ? value : throw BotApiError.BadRequest($"parameter \"{name}\" is required");

    public long? Long(string name) =>
        long.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public int? Int(string name) =>
        int.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool Bool(string name) => string.Equals(Text(name), "true", StringComparison.OrdinalIgnoreCase);

    public JsonNode? Json(string name)
    {
        if (Text(name) is not { Length: > 0 } text)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw BotApiError.BadRequest($"can't parse {name} JSON object");
        }
    }

    /// <summary>The bytes an "attach://name" value points to; null for file ids and URLs.</summary>
    public byte[]? Attachment(string value) =>
        value.StartsWith("attach://", StringComparison.Ordinal)
            ? _files.GetValueOrDefault(value["attach://".Length..])
                ?? throw BotApiError.BadRequest($"file \"{value}\" is not found in the request")
            : null;
}
