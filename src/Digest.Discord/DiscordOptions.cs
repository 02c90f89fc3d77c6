namespace Digest.Discord;

/// <summary>
/// Section "Discord". A class rather than a record on purpose: a generated ToString would print the token.
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>Secret; never logged. Discord is off while it is empty.</summary>
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

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BotToken);
}
