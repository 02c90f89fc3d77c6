using Digest.Discord.Webhooks;

namespace Digest.Discord;

/// <summary>
/// Section "Discord". A class rather than a record on purpose: a generated ToString would print the token and the
/// webhook URLs, which carry theirs.
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>Secret; never logged. Without it only webhook destinations are served (no commands, no gateway).</summary>
    public string? BotToken { get; set; }

    /// <summary>Includes the version segment: without it Discord routes to its old default version.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Goes into "User-Agent: DiscordBot (url, version)", which Discord requires of bots.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/digest-news/digest";

    public string UserAgentVersion { get; set; } = "1.0";

    /// <summary>Tries per request, counting the first; only 429s and pauses of Discord's own are retried.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The longest 429 wait honoured in place; a longer one is handed to the caller as the exception.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The application whose slash commands are registered; READY names it too, this saves waiting for it.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Registers the slash commands in this guild only, where they appear at once (global ones take a while): for development.</summary>
    public string? GuildId { get; set; }

    /// <summary>
    /// Secret (the token is part of it); never logged. One channel that gets the daily digest through a webhook, at
    /// <see cref="DiscordWebhookOptions.DefaultTime"/> UTC: the common case, no bot needed.
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Further webhook-only channels, each with its own time and zone.</summary>
    public List<DiscordWebhookOptions> Webhooks { get; set; } = [];

    public bool IsBotConfigured => !string.IsNullOrWhiteSpace(BotToken);

    public bool HasWebhooks => !string.IsNullOrWhiteSpace(WebhookUrl) || Webhooks.Any(w => !string.IsNullOrWhiteSpace(w.Url));

    /// <summary>Discord is on: a bot, webhooks, or both.</summary>
    public bool IsConfigured => IsBotConfigured || HasWebhooks;
}
