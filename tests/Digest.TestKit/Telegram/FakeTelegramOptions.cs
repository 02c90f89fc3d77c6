namespace Digest.TestKit.Telegram;

/// <summary>
/// How the fake behaves. Send limits follow Telegram's guidance (30 msg/s overall, 1 msg/s per chat, 20 msg/min per
/// group) as token buckets that start full. Burst sizes are chosen so that a sender pacing itself evenly at a limit
/// never sees a 429, even when its requests arrive with some jitter, while an unpaced burst does: one second's worth
/// overall, 3 messages per chat and 3 per group.
/// </summary>
public sealed class FakeTelegramOptions
{
    public double GlobalPerSecond { get; init; } = 30;

    /// <summary>The global bucket holds this many seconds of sends.</summary>
    public double GlobalBurstSeconds { get; init; } = 1;

    public double PerChatPerSecond { get; init; } = 1;

    public double PerChatBurst { get; init; } = 3;

    /// <summary>Applies to negative chat ids (groups, supergroups, channels) on top of the per-chat limit.</summary>
    public double GroupPerMinute { get; init; } = 20;

    public double GroupBurst { get; init; } = 3;

    /// <summary>Multiplies every rate (benchmarks: 30×k msg/s overall, k msg/s per chat); per-chat and group bursts stay.</summary>
    public double RateScale { get; init; } = 1;

    public bool EnforceRateLimits { get; init; } = true;

    public string BotUsername { get; init; } = "digest_test_bot";

    /// <summary>When set, any other token gets 401 Unauthorized.</summary>
    public string? Token { get; init; }

    /// <summary>Drives the rate buckets and recorded times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
