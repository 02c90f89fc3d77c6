namespace Digest.Telegram;

public enum TelegramMode
{
    Polling,
    Webhook,
}

/// <summary>
/// Section "Telegram". A class rather than a record on purpose: a generated ToString would print the token.
/// </summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>Secret; never logged. Telegram is off while it is empty.</summary>
    public string? BotToken { get; set; }

    /// <summary>Another Bot API server (a local one, or a fake in tests); only scheme and authority are used.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>Operators: treated as administrators in every group.</summary>
    public long[] AdminIds { get; set; } = [];

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>The public https URL Telegram posts updates to (Webhook mode).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token: 1–256 of A-Z a-z 0-9 _ -.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Pause after a failed poll, update or start-up call; the library has no back-off of its own.</summary>
    public TimeSpan PollingErrorDelay { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BotToken);
}
