using System.Globalization;
using Telegram.Bot.Types;

namespace Digest.Telegram.Sending;

/// <summary>Our chat ids are text; Telegram's are numbers, or @username for public channels.</summary>
internal static class ChatIds
{
    public static ChatId Parse(string chatId) => TryParseId(chatId, out var id) ? new ChatId(id) : new ChatId(chatId);

    public static bool TryParseId(string chatId, out long id) =>
        long.TryParse(chatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id);

    public static string Format(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);
}
