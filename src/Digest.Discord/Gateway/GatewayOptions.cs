namespace Digest.Discord.Gateway;

/// <summary>
/// Section "Discord:Gateway". The token is <see cref="DiscordOptions.BotToken"/>; it is not repeated here so that
/// one secret has one home.
/// </summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Discord:Gateway";

    public const string DefaultUrl = "wss://gateway.discord.gg";

    /// <summary>Where fresh sessions start; "?v=10&amp;encoding=json" is added. Resumes go to the URL READY names.</summary>
    public string Url { get; set; } = DefaultUrl;

    /// <summary>
    /// The privileged MESSAGE_CONTENT intent: without it guild messages that do not mention the bot arrive empty.
    /// It must also be switched on in the Developer Portal, or Discord closes with 4014.
    /// </summary>
    public bool MessageContent { get; set; }

    public string Os { get; set; } = "linux";

    public string Browser { get; set; } = "digest";

    public string Device { get; set; } = "digest";

    /// <summary>The first wait before reconnecting; it doubles with each connection that fails before READY or RESUMED.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After op 9 (not resumable) a fresh Identify waits a random time in this range, as Discord has asked.</summary>
    public TimeSpan InvalidSessionMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a close handshake may take before the socket is simply dropped.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public GatewayIntents Intents =>
        GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages
        | (MessageContent ? GatewayIntents.MessageContent : GatewayIntents.None);
}
