using System.Collections.Frozen;
using Digest.Core.Articles;

namespace Digest.Core.Subscriptions;

public enum ChatKind
{
    Private,
    Group,
    Channel,
}

[Flags]
public enum Frequency
{
    None = 0,
    Daily = 1,
    Weekly = 2,
    Both = Daily | Weekly,
}

/// <summary>A chat that receives editions: a person, a group or a channel, on one platform.</summary>
/// <param name="Platform">"telegram", "discord", …</param>
/// <param name="ChatId">The platform's chat id, as text (Telegram ids are numbers, Discord's are snowflakes).</param>
/// <param name="Categories">Empty means every category.</param>
/// <param name="TimeZone">An IANA zone id, e.g. Europe/Berlin.</param>
/// <param name="SubscribedAt">When the current subscription began: a delivery time before it is not owed (it is offered).</param>
public sealed record Subscriber(
    long Id,
    string Platform,
    string ChatId,
    ChatKind Kind,
    string? Title,
    bool Active,
    Frequency Frequency,
    IReadOnlySet<Category> Categories,
    int Top,
    TimeOnly DeliveryTime,
    string TimeZone,
    DateTimeOffset CreatedAt,
    DateTimeOffset SubscribedAt)
{
    public const int DefaultTop = 15;
    public static readonly TimeOnly DefaultDeliveryTime = new(8, 0);
    public const string DefaultTimeZone = "UTC";

    /// <summary>How many keywords a chat may boost, and as many mute: enough to steer, few enough to read in /settings.</summary>
    public const int MaxKeywords = 20;

    /// <summary>One shared empty set, so subscribers without keywords stay equal as records (sets compare by reference).</summary>
    public static readonly IReadOnlySet<string> NoKeywords = FrozenSet<string>.Empty;

    /// <summary>
    /// Lower-case keywords whose articles rank as if they scored more. A category's slug (ai-ml, security, …) boosts
    /// that category's articles too.
    /// </summary>
    public IReadOnlySet<string> Boosts { get; init; } = NoKeywords;

    /// <summary>Lower-case keywords whose articles are left out of this chat's digest.</summary>
    public IReadOnlySet<string> Mutes { get; init; } = NoKeywords;

    /// <summary>The local weekday the weekly briefing arrives on, at <see cref="DeliveryTime"/>.</summary>
    public DayOfWeek WeeklyDay { get; init; } = DefaultWeeklyDay;

    public const DayOfWeek DefaultWeeklyDay = DayOfWeek.Monday;

    public static Subscriber New(string platform, string chatId, ChatKind kind, string? title, DateTimeOffset now) =>
        new(0, platform, chatId, kind, title, Active: false, Frequency.None, new HashSet<Category>(), DefaultTop,
            DefaultDeliveryTime, DefaultTimeZone, now, now);
}
