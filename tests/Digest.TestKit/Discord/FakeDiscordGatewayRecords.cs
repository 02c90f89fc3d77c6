using System.Text.Json.Nodes;

namespace Digest.TestKit.Discord;

/// <summary>A WebSocket the fake accepted; <paramref name="Path"/> is "/" for the gateway URL, "/resume" for the resume URL.</summary>
public sealed record GatewayConnectionRecord(int Id, string Path, string Query, DateTimeOffset OpenedAt);

public sealed record GatewayIdentifyRecord(int ConnectionId, string? Token, int Intents, JsonObject? Properties);

/// <summary><paramref name="Replayed"/> counts the dispatches after <paramref name="Sequence"/> sent again before RESUMED.</summary>
public sealed record GatewayResumeRecord(int ConnectionId, string? Token, string? SessionId, long Sequence, bool Accepted, int Replayed);

/// <summary><paramref name="Sequence"/> is the heartbeat's "d": the last sequence number the client had seen.</summary>
public sealed record GatewayHeartbeatRecord(int ConnectionId, DateTimeOffset At, long? Sequence);
