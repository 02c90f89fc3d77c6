using System.Text;
using Digest.Core.Conversation;
using Digest.Telegram.Rendering;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Digest.Telegram.Receiving;

/// <summary>The chat one update came from, as the core's command handlers see it.</summary>
internal sealed class TelegramChatContext(
    ReceivedUpdate update, ITelegramBotClient bot, ChatAdmins admins, TimeProvider time, ILogger logger)
    : IChatContext
{
    private const int MaxCallbackDataBytes = 64;
    private const int MaxRateLimitedAttempts = 3;

    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    private bool _callbackAnswered;

    public async Task ReplyAsync(ChatReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var keyboard = Keyboard(reply.Buttons);
        var html = TelegramHtmlText.Escape(reply.Text);
        await AnswerCallbackAsync(ct);
        if (reply.EditOriginal && update.CallbackMessageId is { } messageId)
        {
            await WaitingOutLimitsAsync(() => EditAsync(messageId, html, keyboard, ct), ct);
            return;
        }
        await WaitingOutLimitsAsync(
            () => bot.SendMessage(update.ChatId, html, ParseMode.Html, replyMarkup: keyboard, linkPreviewOptions: NoPreview, cancellationToken: ct),
            ct);
    }

    /// <summary>A person typing several commands quickly hits the per-chat limit; their replies wait instead of getting lost.</summary>
    private async Task WaitingOutLimitsAsync(Func<Task> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429 && attempt < MaxRateLimitedAttempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 1), time, ct);
            }
        }
    }

    public Task<bool> IsSenderAdminAsync(CancellationToken ct) => admins.IsSenderAdminAsync(update, ct);

    public Task<bool> IsSenderOperatorAsync(CancellationToken ct) => Task.FromResult(admins.IsOperator(update.UserId));

    public Task<ChatLink?> TryLinkChatAsync(string chatReference, CancellationToken ct) => admins.TryLinkAsync(chatReference, update.UserId, ct);

    /// <summary>Stops the button's spinner; Telegram expects one answer to every callback query, even when nothing was replied.</summary>
    public async Task AnswerCallbackAsync(CancellationToken ct)
    {
        if (update.CallbackQueryId is not { } id || _callbackAnswered)
        {
            return;
        }
        _callbackAnswered = true;
        try
        {
            await bot.AnswerCallbackQuery(id, cancellationToken: ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Too late (the query expired), or Telegram out of reach: only the spinner is lost, the press is still handled.
            logger.LogInformation("Answering callback query in chat {chat_id} failed: {error}", update.ChatId, e.Message);
        }
    }

    private async Task EditAsync(int messageId, string html, InlineKeyboardMarkup? keyboard, CancellationToken ct)
    {
        try
        {
            await bot.EditMessageText(update.ChatId, messageId, html, ParseMode.Html, keyboard, NoPreview, cancellationToken: ct);
        }
        catch (ApiRequestException e) when (e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            // The same button pressed twice: the message already says this.
        }
    }

    private static InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<ChatButton>>? rows)
    {
        if (rows is null || rows.Count == 0)
        {
            return null;
        }
        foreach (var button in rows.SelectMany(row => row))
        {
            var bytes = Encoding.UTF8.GetByteCount(button.Data);
            if (bytes is 0 or > MaxCallbackDataBytes)
            {
                throw new ArgumentException(
                    $"Button \"{button.Label}\" has {bytes} bytes of callback data; Telegram allows 1 to {MaxCallbackDataBytes}.", nameof(rows));
            }
        }
        return new InlineKeyboardMarkup(rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))));
    }
}
