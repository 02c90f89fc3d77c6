using System.ComponentModel.DataAnnotations;

namespace Digest.Core.Delivery;

/// <summary>When and how fast editions go out (section "Delivery").</summary>
public sealed class DeliveryOptions : IValidatableObject
{
    /// <summary>A delivery time missed while the host was down is made up within this window, never later.</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromHours(6);

    /// <summary>At a subscriber's time they get an edition composed at most this long ago (one is composed when needed).</summary>
    public TimeSpan FreshFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A weekly briefing composed at most this long ago is sent as it is: one is composed a day and shared by every zone
    /// whose weekday it is, since writing it is the most expensive LLM call there is.
    /// </summary>
    public TimeSpan WeeklyFreshFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>/digest sends the latest edition when it is at most this old; older, a fresh one is composed first.</summary>
    public TimeSpan OnDemandMaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A chat gets at most one /digest per this span; asking again meanwhile is answered with "on its way".</summary>
    public TimeSpan ReplyCooldown { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Per platform ("telegram", "discord"): its send limits.</summary>
    public Dictionary<string, PlatformLimits> Limits { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["telegram"] = new PlatformLimits(),
        // Discord: 50 requests/s per bot, 5 messages per 5 s per channel, 30 a minute per webhook. Its REST client also
        // keeps to the buckets Discord announces; these keep the sender from queueing far ahead of them.
        ["discord"] = new PlatformLimits { MessagesPerSecond = 40, PerChatPerSecond = 1, GroupPerMinute = 30 },
    };

    [Range(1, 10_000)]
    public int ClaimBatch { get; set; } = 500;

    /// <summary>How long a claim holds without renewal; a live sender renews before each send.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one send may take before it counts as a platform timeout.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a sender records that it is alive.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A sender silent this long is taken for dead and its claims are taken over.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A message's own transient failures before it is given up (outages and rate limits never count).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often an idle sender looks for due rows.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the planner looks for subscribers whose time has come.</summary>
    public TimeSpan PlanEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After the platform is found down, the first probe waits this long; each failed probe doubles it.</summary>
    public TimeSpan CircuitMinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between probes of a platform that is down.</summary>
    public TimeSpan CircuitMaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>digest send --now waits at most this long for rows that are held (by another sender, a rate limit, an outage).</summary>
    public TimeSpan SendNowWait { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        static ValidationResult Bad(string message, params string[] members) => new(message, members);

        foreach (var (name, value) in new[]
        {
            (nameof(GracePeriod), GracePeriod), (nameof(FreshFor), FreshFor), (nameof(WeeklyFreshFor), WeeklyFreshFor), (nameof(OnDemandMaxAge), OnDemandMaxAge),
            (nameof(Lease), Lease), (nameof(SendTimeout), SendTimeout), (nameof(Heartbeat), Heartbeat),
            (nameof(StaleAfter), StaleAfter), (nameof(PollInterval), PollInterval), (nameof(PlanEvery), PlanEvery),
            (nameof(CircuitMinBackoff), CircuitMinBackoff), (nameof(CircuitMaxBackoff), CircuitMaxBackoff),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return Bad("must be a positive time span", name);
            }
        }
        foreach (var (name, value) in new[] { (nameof(ReplyCooldown), ReplyCooldown), (nameof(SendNowWait), SendNowWait) })
        {
            if (value < TimeSpan.Zero)
            {
                yield return Bad("must not be negative", name);
            }
        }
        if (WeeklyFreshFor >= TimeSpan.FromDays(7))
        {
            yield return Bad("must be shorter than a week, or a weekday would get last week's briefing again", nameof(WeeklyFreshFor));
        }
        if (Lease <= SendTimeout)
        {
            yield return Bad($"must be longer than Delivery:SendTimeout ({SendTimeout}), or a slow send loses its claim", nameof(Lease));
        }
        if (StaleAfter < Heartbeat * 2)
        {
            yield return Bad($"must be at least twice Delivery:Heartbeat ({Heartbeat}), or a live sender looks dead", nameof(StaleAfter));
        }
        if (CircuitMaxBackoff < CircuitMinBackoff)
        {
            yield return Bad($"must not be shorter than Delivery:CircuitMinBackoff ({CircuitMinBackoff})", nameof(CircuitMaxBackoff));
        }
        if (Limits.Count == 0)
        {
            yield return Bad("needs at least one platform (e.g. Limits:telegram)", nameof(Limits));
        }
    }
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
