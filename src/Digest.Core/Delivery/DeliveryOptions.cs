using System.ComponentModel.DataAnnotations;

namespace Digest.Core.Delivery;

/// <summary>When and how fast editions go out (section "Delivery").</summary>
public sealed class DeliveryOptions
{
    /// <summary>A delivery time missed while the host was down is made up on start within this window, never later.</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromHours(6);

    /// <summary>An edition older than this is not delivered (e.g. composing failed for days).</summary>
    public TimeSpan MaxEditionAge { get; set; } = TimeSpan.FromHours(36);

    /// <summary>Per platform ("telegram", "discord"): its send limits.</summary>
    public Dictionary<string, PlatformLimits> Limits { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["telegram"] = new PlatformLimits(),
    };

    [Range(1, 10_000)]
    public int ClaimBatch { get; set; } = 500;

    /// <summary>How long a sender owns claimed rows before another may take them over (after a crash).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often an idle sender looks for due rows.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Telegram's defaults: ~30 messages/s overall, 1/s per chat, 20/min per group or channel.</summary>
public sealed class PlatformLimits
{
    [Range(0.01, 100_000)]
    public double MessagesPerSecond { get; set; } = 30;

    [Range(0.001, 10_000)]
    public double PerChatPerSecond { get; set; } = 1;

    [Range(1, 100_000)]
    public int GroupPerMinute { get; set; } = 20;
}
