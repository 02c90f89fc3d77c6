using System.Text;
using System.Text.Json.Nodes;

namespace Digest.TestKit.Telegram;

// sendMessage, sendPhoto, editMessageText: Telegram's checks in its order, then the rate limits, then the record.
public sealed partial class FakeTelegramServer
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;
    private const int MaxRawTextBytes = 32768;
    private const int MaxCallbackDataBytes = 64;

    private JsonObject SendMessage(BotRequest request, long botId)
    {
        var chat = DeliverableChat(request);
        var text = request.Text("text") ?? string.Empty;
        var parseMode = request.Text("parse_mode");
        var plain = ParseText(text, parseMode, caption: false);
        var markup = ValidMarkup(request);
        Limit(chat.Id);
        return FakeTelegramJson.Sent(
            Record(chat.Id, text, plain, parseMode, LinkPreviewDisabled(request), markup, isPhoto: false, photo: null),
            chat,
            BotUser(botId));
    }

    private JsonObject SendPhoto(BotRequest request, long botId)
    {
        var chat = DeliverableChat(request);
        var photo = request.Text("photo") is { Length: > 0 } value
            ? request.Attachment(value)
            : throw BotApiError.BadRequest("there is no photo in the request");
        var caption = request.Text("caption") ?? string.Empty;
        var parseMode = request.Text("parse_mode");
        var plain = ParseText(caption, parseMode, caption: true);
        var markup = ValidMarkup(request);
        Limit(chat.Id);
        return FakeTelegramJson.Sent(
            Record(chat.Id, caption, plain, parseMode, linkPreviewDisabled: false, markup, isPhoto: true, photo),
            chat,
            BotUser(botId));
    }

    private JsonObject EditMessageText(BotRequest request, long botId)
    {
        var chat = DeliverableChat(request);
        var messageId = request.Int("message_id") ?? throw BotApiError.BadRequest("message identifier is not specified");
        var text = request.Text("text") ?? string.Empty;
        var parseMode = request.Text("parse_mode");
        var plain = ParseText(text, parseMode, caption: false);
        var markup = ValidMarkup(request);
        SentTelegramMessage edited;
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.ChatId == chat.Id && m.MessageId == messageId);
            if (index < 0)
            {
                throw BotApiError.BadRequest("message to edit not found");
            }
            var old = _messages[index];
            if (old.IsPhoto)
            {
                throw BotApiError.BadRequest("there is no text in the message to edit");
            }
            if (old.Text == text && old.ParseMode == parseMode && old.ReplyMarkup?.ToJsonString() == markup?.ToJsonString())
            {
                throw BotApiError.BadRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }
            edited = old with
            {
                Text = text,
                PlainText = plain,
                ParseMode = parseMode,
                LinkPreviewDisabled = LinkPreviewDisabled(request),
                ReplyMarkup = markup,
                Edits = old.Edits + 1,
            };
            _messages[index] = edited;
        }
        return FakeTelegramJson.Sent(edited, chat, BotUser(botId));
    }

    private FakeChat DeliverableChat(BotRequest request)
    {
        var chat = ResolveChat(request.Required("chat_id"));
        lock (_gate)
        {
            if (_blocked.Contains(chat.Id))
            {
                throw new BotApiError(403, "Forbidden: bot was blocked by the user");
            }
            if (_migrated.TryGetValue(chat.Id, out var newId))
            {
                throw new BotApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", migrateToChatId: newId);
            }
        }
        return chat;
    }

    /// <summary>Parses like Telegram and checks the length of what a reader would see; returns that plain text.</summary>
    private static string ParseText(string text, string? parseMode, bool caption)
    {
        if (!caption && Encoding.UTF8.GetByteCount(text) > MaxRawTextBytes)
        {
            throw BotApiError.BadRequest("text is too long");
        }
        var plain = parseMode?.ToLowerInvariant() switch
        {
            null or "" => text,
            "html" => ParseHtml(text),
            // Markdown is not validated by this fake; Digest does not send it.
            "markdown" or "markdownv2" => text,
            _ => throw BotApiError.BadRequest("unsupported parse_mode"),
        };
        if (!caption && string.IsNullOrWhiteSpace(plain))
        {
            throw BotApiError.BadRequest("message text is empty");
        }
        if (plain.EnumerateRunes().Count() > (caption ? MaxCaptionLength : MaxTextLength))
        {
            throw BotApiError.BadRequest(caption ? "message caption is too long" : "message is too long");
        }
        return plain;
    }

    private static string ParseHtml(string html)
    {
        var parsed = TelegramHtml.Parse(html);
        return parsed.Ok ? parsed.PlainText : throw BotApiError.BadRequest("can't parse entities: " + parsed.Error);
    }

    private static JsonNode? ValidMarkup(BotRequest request)
    {
        var markup = request.Json("reply_markup");
        var buttons = (markup?["inline_keyboard"] as JsonArray)?.OfType<JsonArray>().SelectMany(row => row.OfType<JsonObject>()) ?? [];
        foreach (var button in buttons)
        {
            if (button["callback_data"] is { } data && Encoding.UTF8.GetByteCount((string?)data ?? string.Empty) is 0 or > MaxCallbackDataBytes)
            {
                throw BotApiError.BadRequest("BUTTON_DATA_INVALID");
            }
        }
        return markup;
    }

    private static bool LinkPreviewDisabled(BotRequest request) =>
        request.Json("link_preview_options")?["is_disabled"]?.GetValue<bool>() == true || request.Bool("disable_web_page_preview");

    private void Limit(long chatId)
    {
        if (Options.EnforceRateLimits && _limiter.TryAcquire(chatId) is { } retryAfter)
        {
            throw new BotApiError(429, $"Too Many Requests: retry after {retryAfter}", retryAfter: retryAfter);
        }
    }

    private SentTelegramMessage Record(
        long chatId, string text, string plain, string? parseMode, bool linkPreviewDisabled, JsonNode? markup, bool isPhoto, byte[]? photo)
    {
        lock (_gate)
        {
            var sent = new SentTelegramMessage(
                NextMessageId(), chatId, text, plain, parseMode, linkPreviewDisabled, markup, isPhoto, photo, Now);
            _messages.Add(sent);
            return sent;
        }
    }
}
