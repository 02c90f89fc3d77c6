namespace Digest.Discord.Rest;

/// <summary>The message flags a bot may set.</summary>
public static class DiscordMessageFlags
{
    /// <summary>No link previews.</summary>
    public const int SuppressEmbeds = 1 << 2;

    /// <summary>Only the user of an interaction sees the reply.</summary>
    public const int Ephemeral = 1 << 6;

    public const int SuppressNotifications = 1 << 12;
}
