using System.Text.Json.Nodes;

namespace Digest.TestKit.Telegram;

/// <summary>A chat the fake knows. Type is Telegram's: "private", "group", "supergroup" or "channel".</summary>
public sealed record FakeChat(long Id, string Type, string? Title = null, string? Username = null);

/// <summary>A message the fake accepted (sendMessage / sendPhoto), as it stands after any edits.</summary>
/// <param name="Text">The text or caption as sent (HTML when <paramref name="ParseMode"/> is Html).</param>
/// <param name="PlainText">What a reader sees: the text after Telegram's parsing.</param>
/// <param name="ParseMode">As the client sent it ("Html"), null when none.</param>
/// <param name="Photo">The uploaded bytes; null for text messages and photos sent by file id or URL.</param>
public sealed record SentTelegramMessage(
    int MessageId,
    long ChatId,
    string Text,
    string PlainText,
    string? ParseMode,
    bool LinkPreviewDisabled,
    JsonNode? ReplyMarkup,
    bool IsPhoto,
    byte[]? Photo,
    DateTimeOffset At,
    int Edits = 0)
{
    public bool IsHtml => string.Equals(ParseMode, "html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Inline keyboard buttons, row after row, as (text, callback_data).</summary>
    public IReadOnlyList<(string Text, string? Data)> Buttons =>
        ReplyMarkup?["inline_keyboard"] is JsonArray rows
            ? [.. rows.OfType<JsonArray>().SelectMany(row => row.OfType<JsonObject>())
                .Select(b => ((string?)b["text"] ?? string.Empty, (string?)b["callback_data"]))]
            : [];
}

public sealed record AnsweredCallback(string CallbackQueryId, string? Text, bool ShowAlert);

public sealed record RegisteredCommand(string Command, string Description);
