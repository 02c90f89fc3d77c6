using Digest.Core.Delivery;
using Digest.Telegram.Rendering;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Digest.Telegram.Sending;

/// <summary>
/// Telegram behind the core's <see cref="IChannel"/>: one sendMessage or sendPhoto per part, the outcome mapped
/// to a <see cref="SendResult"/> (see <see cref="SendFailures"/>). It never waits or retries, except one plain-text resend
/// when our HTML is rejected. <c>ct</c> is the sender's per-send timeout: when it fires, the send is Unavailable.
/// </summary>
public sealed class TelegramChannel(ITelegramBotClient bot, ILogger<TelegramChannel> logger) : IChannel
{
    public const string PlatformName = "telegram";

    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public string Platform => PlatformName;

    public ChannelCapabilities Capabilities { get; } = new(4096, 1024, SupportsPhotos: true, MessageFormat.TelegramHtml);

    public async Task<SendResult> SendAsync(string chatId, MessagePart part, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(part);
        var chat = ChatIds.Parse(chatId);
        var html = part.Format == MessageFormat.TelegramHtml;
        try
        {
            await SendOnceAsync(chat, part, part.Text, html ? ParseMode.Html : ParseMode.None, ct);
            return SendResult.Ok();
        }
        catch (Exception e) when (html && SendFailures.IsBadMarkup(e))
        {
            logger.LogWarning("Telegram rejected our HTML for chat {chat_id} ({error}); resending as plain text", chatId, e.Message);
            return await SendPlainAsync(chat, part, ct);
        }
        catch (Exception e) when (SendFailures.Map(e) is { } result)
        {
            return result;
        }
    }

    private async Task<SendResult> SendPlainAsync(ChatId chat, MessagePart part, CancellationToken ct)
    {
        try
        {
            await SendOnceAsync(chat, part, TelegramHtmlText.ToPlainText(part.Text), ParseMode.None, ct);
            return SendResult.Ok();
        }
        catch (Exception e) when (SendFailures.Map(e) is { } result)
        {
            return result;
        }
    }

    private async Task SendOnceAsync(ChatId chat, MessagePart part, string text, ParseMode parseMode, CancellationToken ct)
    {
        if (part.Photo is null)
        {
            await bot.SendMessage(chat, text, parseMode, linkPreviewOptions: NoPreview, cancellationToken: ct);
            return;
        }
        await using var photo = new MemoryStream(part.Photo, writable: false);
        await bot.SendPhoto(
            chat, InputFile.FromStream(photo, part.PhotoName ?? "image.png"), caption: text, parseMode: parseMode, cancellationToken: ct);
    }
}
