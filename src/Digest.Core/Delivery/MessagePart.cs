namespace Digest.Core.Delivery;

public enum MessageFormat
{
    Plain,
    TelegramHtml,
    DiscordMarkdown,
    Markdown,
}

/// <summary>
/// One message as a channel will send it: text already formatted and escaped for that platform,
/// or a photo with the text as its caption.
/// </summary>
public sealed record MessagePart(MessageFormat Format, string Text, byte[]? Photo = null, string? PhotoName = null)
{
    public bool IsPhoto => Photo is not null;

    /// <summary>
    /// Where the platform has threads (Discord), one is opened on this message under this name, for follow-up questions
    /// about it; others ignore it.
    /// </summary>
    public string? ThreadName { get; init; }
}
