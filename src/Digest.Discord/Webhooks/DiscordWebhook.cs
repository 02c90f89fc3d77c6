namespace Digest.Discord.Webhooks;

/// <summary>
/// A configured webhook-only destination. A class rather than a record so no generated ToString or debugger view
/// prints <see cref="Token"/>.
/// </summary>
public sealed class DiscordWebhook(string id, string token, TimeOnly deliveryTime, string timeZone)
{
    public string Id { get; } = id;

    /// <summary>Secret; never logged.</summary>
    public string Token { get; } = token;

    public TimeOnly DeliveryTime { get; } = deliveryTime;

    public string TimeZone { get; } = timeZone;

    /// <summary>The subscriber's chat id: "webhook:{id}".</summary>
    public string ChatId => DiscordWebhooks.ChatIdPrefix + Id;

    public override string ToString() => ChatId;
}
