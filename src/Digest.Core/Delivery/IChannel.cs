using Digest.Core.Subscriptions;

namespace Digest.Core.Delivery;

/// <summary>What a platform can carry, so renderers and senders need no platform types.</summary>
public sealed record ChannelCapabilities(int MaxMessageLength, int MaxCaptionLength, bool SupportsPhotos, MessageFormat Format);

/// <summary>A chat platform seen from the core: sends one rendered part and says what happened.</summary>
public interface IChannel
{
    /// <summary>"telegram", "discord", "console": matches <see cref="Subscriber.Platform"/>.</summary>
    string Platform { get; }

    ChannelCapabilities Capabilities { get; }

    /// <summary>Sends once, with no retries of its own: waiting on rate limits belongs to the sender.</summary>
    Task<SendResult> SendAsync(string chatId, MessagePart part, CancellationToken ct);
}

public enum SendOutcome
{
    Sent,
    RateLimited,
    Blocked,
    Migrated,

    /// <summary>This message failed (400, too long): it spends an attempt, and unless <see cref="SendResult.Transient"/> it is given up at once.</summary>
    Failed,

    /// <summary>The platform itself is in trouble (5xx, timeout, refused, DNS, 401): no message is to blame.</summary>
    Unavailable,
}

/// <summary>The result of one send. A message's own failure is permanent when <see cref="Transient"/> is false.</summary>
public sealed record SendResult(SendOutcome Outcome, string? Error = null, TimeSpan? RetryAfter = null, string? NewChatId = null, bool Transient = false)
{
    public static SendResult Ok() => new(SendOutcome.Sent);

    public static SendResult Limited(TimeSpan retryAfter) => new(SendOutcome.RateLimited, "rate limited", retryAfter);

    public static SendResult BlockedBy(string error) => new(SendOutcome.Blocked, error);

    public static SendResult MigratedTo(string newChatId) => new(SendOutcome.Migrated, "chat migrated", NewChatId: newChatId);

    public static SendResult Fail(string error, bool transient) => new(SendOutcome.Failed, error, Transient: transient);

    public static SendResult Down(string error) => new(SendOutcome.Unavailable, error, Transient: true);
}
