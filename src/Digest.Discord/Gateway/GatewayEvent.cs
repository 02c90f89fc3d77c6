using System.Text.Json;

namespace Digest.Discord.Gateway;

/// <summary>
/// A dispatch (op 0) as Discord sent it: its name ("MESSAGE_CREATE", "INTERACTION_CREATE", …), its data and its
/// sequence number. The data is a detached copy, safe to keep after the frame is gone.
/// </summary>
public sealed record GatewayEvent(string Type, JsonElement Data, long Sequence);
