namespace Digest.TestKit.Discord;

/// <summary>How the fake gateway behaves.</summary>
public sealed class FakeDiscordGatewayOptions
{
    /// <summary>Sent in Hello. Discord's is about 41 s; tests use a few hundred milliseconds.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(41_250);

    /// <summary>When set, an Identify or Resume with another token is closed with 4004, as Discord does.</summary>
    public string? Token { get; init; }

    /// <summary>False plays a bot whose Message Content intent is off in the portal: asking for it is closed with 4014.</summary>
    public bool AllowMessageContent { get; init; } = true;

    public string ApplicationId { get; init; } = "1100000000000000001";

    public string BotUserId { get; init; } = "1100000000000000002";

    /// <summary>Stamps the recorded heartbeats.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
