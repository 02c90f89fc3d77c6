namespace Digest.Discord.Webhooks;

/// <summary>
/// One entry of "Discord:Webhooks": a channel Digest posts to through its webhook only. A class, not a record: the URL
/// holds the webhook's token, and a generated ToString would print it.
/// </summary>
public sealed class DiscordWebhookOptions
{
    public const string DefaultTime = "08:00";

    /// <summary>Secret; never logged. https://discord.com/api/webhooks/{id}/{token}, as Discord's "Copy Webhook URL" gives it.</summary>
    public string? Url { get; set; }

    /// <summary>Local delivery time, "HH:mm".</summary>
    public string Time { get; set; } = DefaultTime;

    /// <summary>An IANA zone id, e.g. Europe/Berlin.</summary>
    public string TimeZone { get; set; } = "UTC";
}
