using System.Globalization;
using Digest.Core.Conversation;
using Digest.Core.Subscriptions;
using Digest.Telegram.Sending;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Digest.Telegram.Receiving;

/// <summary>Telegram's update → the core's <see cref="IncomingMessage"/>; null for updates the bot does not act on.</summary>
internal static class UpdateMapper
{
    /// <summary>The update types <see cref="Map"/> acts on: asked for in getUpdates and setWebhook, so Telegram sends no others.</summary>
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.ChannelPost, UpdateType.CallbackQuery];

    /// <param name="botId">Our own user id: a reply to one of its messages is addressed to us. Null when unknown.</param>
    public static ReceivedUpdate? Map(Update update, string? botUsername, long? botId = null) => update switch
    {
        { Message: { Text: { } text } message } => FromMessage(message, text, botUsername, botId),
        { ChannelPost: { Text: { } text } post } => FromMessage(post, text, botUsername, botId),
        { CallbackQuery: { Data: { } data, Message: { } message } query } => new ReceivedUpdate(
            new IncomingMessage(TelegramChannel.PlatformName, ChatIds.Format(message.Chat.Id), Kind(message.Chat.Type), Title(message.Chat),
                UserIdText(query.From.Id), string.Empty, data),
            message.Chat.Id,
            query.From.Id,
            CallbackQueryId: query.Id,
            CallbackMessageId: message.Id),
        _ => null,
    };

    /// <summary>The chat an update belongs to, for handling each chat's updates in order; null when it names none.</summary>
    public static string? ChatKey(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var chat = update.Message?.Chat ?? update.ChannelPost?.Chat ?? update.CallbackQuery?.Message?.Chat ?? update.MyChatMember?.Chat;
        return chat is null ? null : ChatIds.Format(chat.Id);
    }

    /// <summary>
    /// "/start@digest_bot args" → "/start args". A command addressed to another bot yields null: in a group with several
    /// bots it is not ours. When our name is unknown, any addressee is stripped.
    /// </summary>
    public static string? NormalizeCommand(string text, string? botUsername)
    {
        if (!text.StartsWith('/'))
        {
            return text;
        }
        var end = text.IndexOfAny([' ', '\n', '\t']);
        var command = end < 0 ? text : text[..end];
        var at = command.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }
        var addressee = command[(at + 1)..];
        if (botUsername is not null && !addressee.Equals(botUsername, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return command[..at] + text[command.Length..];
    }

    private static ReceivedUpdate? FromMessage(Message message, string text, string? botUsername, long? botId)
    {
        if (NormalizeCommand(text, botUsername) is not { } normalized)
        {
            return null;
        }
        var (plain, mentioned) = normalized.StartsWith('/') ? (normalized, false) : Addressing.WithoutMention(normalized, botUsername);
        var userId = message.Chat.Type == ChatType.Channel ? null : message.From?.Id;
        var incoming = new IncomingMessage(
            TelegramChannel.PlatformName, ChatIds.Format(message.Chat.Id), Kind(message.Chat.Type), Title(message.Chat),
            userId is { } id ? UserIdText(id) : string.Empty, plain)
        {
            AddressedToBot = mentioned || Addressing.RepliesToBot(message, botId),
            RepliedToLinks = Addressing.RepliedToLinks(message),
        };
        return new ReceivedUpdate(incoming, message.Chat.Id, userId, SentAsChat: message.SenderChat?.Id == message.Chat.Id);
    }

    private static ChatKind Kind(ChatType type) => type switch
    {
        ChatType.Group or ChatType.Supergroup => ChatKind.Group,
        ChatType.Channel => ChatKind.Channel,
        _ => ChatKind.Private,
    };

    private static string? Title(Chat chat) => chat.Title ?? chat.FirstName;

    private static string UserIdText(long id) => id.ToString(CultureInfo.InvariantCulture);
}
