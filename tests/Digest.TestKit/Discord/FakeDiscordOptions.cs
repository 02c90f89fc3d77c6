namespace Digest.TestKit.Discord;

/// <summary>How the fake behaves. Every route's bucket holds <see cref="BucketSize"/> requests per <see cref="BucketWindow"/>.</summary>
public sealed class FakeDiscordOptions
{
    public int BucketSize { get; init; } = 5;

    public TimeSpan BucketWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When set, a bot route with another Authorization than "Bot {Token}" gets 401 (webhook routes need none).</summary>
    public string? Token { get; init; }

    public string ApplicationId { get; init; } = "1100000000000000001";

    public string BotUserId { get; init; } = "1100000000000000002";

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
