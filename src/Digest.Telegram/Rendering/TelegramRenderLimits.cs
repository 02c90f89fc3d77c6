namespace Digest.Telegram.Rendering;

/// <summary>Message and caption limits in characters as Telegram counts them (code points after parsing).</summary>
public sealed record TelegramRenderLimits(int MaxTextLength = 4096, int MaxCaptionLength = 1024)
{
    public static TelegramRenderLimits Telegram { get; } = new();
}
