namespace Digest.Discord.Rendering;

/// <summary>
/// Message limits in UTF-16 code units. Discord allows 2000 characters of content, with or without an attachment,
/// and does not say which unit it counts; code units are never fewer than any of them.
/// </summary>
public sealed record DiscordRenderLimits(int MaxTextLength = 2000, int MaxCaptionLength = 2000)
{
    public static DiscordRenderLimits Discord { get; } = new();
}
