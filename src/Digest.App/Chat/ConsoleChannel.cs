using Digest.Core.Delivery;

namespace Digest.App.Chat;

/// <summary>
/// The terminal as a chat platform ("console"): what the outbox sends to it is printed. It makes `digest chat` go
/// through the same outbox, limits and exactly-once as Telegram, with nothing to sign up for.
/// </summary>
internal sealed class ConsoleChannel(TextWriter output) : IChannel
{
    public const string PlatformName = "console";

    public string Platform => PlatformName;

    // A terminal takes any length; Markdown reads well as it is.
    public ChannelCapabilities Capabilities { get; } = new(MaxMessageLength: 1_000_000, MaxCaptionLength: 1_000_000, SupportsPhotos: false, MessageFormat.Markdown);

    public async Task<SendResult> SendAsync(string chatId, MessagePart part, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(part);
        await output.WriteLineAsync(part.Text.AsMemory(), ct);
        await output.FlushAsync(ct);
        return SendResult.Ok();
    }
}
