namespace Digest.Discord.Gateway;

/// <summary>The intents Digest asks for; Discord sends nothing else. INTERACTION_CREATE needs none.</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,

    /// <summary>Privileged.</summary>
    MessageContent = 1 << 15,
}
