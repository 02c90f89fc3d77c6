using System.Text.Json;

namespace Digest.Discord.Gateway;

/// <summary>One received payload: {"op", "d", "s", "t"}; <c>s</c> and <c>t</c> are set only on dispatches.</summary>
internal readonly record struct GatewayFrame(int Op, JsonElement Data, long? Sequence, string? Type)
{
    public static GatewayFrame Parse(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        var op = root.GetProperty("op").GetInt32();
        // Cloned because the document's buffer is returned to the pool when it is disposed.
        var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
        long? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null;
        var type = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return new GatewayFrame(op, data, sequence, type);
    }

    public string? DataString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public string? DataString(string parent, string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(parent, out var inner)
            && inner.ValueKind == JsonValueKind.Object && inner.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
