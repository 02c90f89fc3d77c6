using System.Buffers;
using System.Text.Json;

namespace Digest.Discord.Gateway;

/// <summary>The payloads the client sends. Identify and Resume carry the token, so they are never logged.</summary>
internal static class GatewayPayloads
{
    public static byte[] Heartbeat(long? sequence) => Write(GatewayOpcode.Heartbeat, w =>
    {
        if (sequence is { } s)
        {
            w.WriteNumberValue(s);
        }
        else
        {
            w.WriteNullValue();
        }
    });

    public static byte[] Identify(string token, GatewayOptions options) => Write(GatewayOpcode.Identify, w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteNumber("intents", (int)options.Intents);
        w.WriteStartObject("properties");
        w.WriteString("os", options.Os);
        w.WriteString("browser", options.Browser);
        w.WriteString("device", options.Device);
        w.WriteEndObject();
        w.WriteBoolean("compress", false);
        w.WriteEndObject();
    });

    public static byte[] Resume(string token, string sessionId, long sequence) => Write(GatewayOpcode.Resume, w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteString("session_id", sessionId);
        w.WriteNumber("seq", sequence);
        w.WriteEndObject();
    });

    private static byte[] Write(int op, Action<Utf8JsonWriter> data)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", op);
            writer.WritePropertyName("d");
            data(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
