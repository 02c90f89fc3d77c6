using Digest.Core.Conversation;
using Digest.Core.Subscriptions;
using Digest.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Digest.Telegram.Receiving;

/// <summary>Who may change a chat's settings: Telegram's administrators, plus our operators (Telegram:AdminIds).</summary>
internal sealed class ChatAdmins(ITelegramBotClient bot, IOptions<TelegramOptions> options, ILogger<ChatAdmins> logger)
{
    /// <summary>Our operators (Telegram:AdminIds), in any chat: a channel post has no user, so it is never one.</summary>
    public bool IsOperator(long? userId) => userId is { } id && options.Value.AdminIds.Contains(id);

    public async Task<bool> IsSenderAdminAsync(ReceivedUpdate update, CancellationToken ct)
    {
        // Private chats belong to the sender; only admins can post in a channel or speak as the group itself.
        if (update.Message.ChatKind == ChatKind.Private || update.UserId is null || update.SentAsChat)
        {
            return true;
        }
        var userId = update.UserId.Value;
        return IsOperator(userId) || await IsAdminAsync(update.ChatId, userId, ct);
    }

    /// <summary>The group or channel named by <paramref name="reference"/>, when both the bot and the user administer it.</summary>
    public async Task<ChatLink?> TryLinkAsync(string reference, long? userId, CancellationToken ct)
    {
        if (userId is null || ParseReference(reference) is not { } chatId)
        {
            return null;
        }
        ChatFullInfo chat;
        try
        {
            chat = await bot.GetChat(chatId, ct);
        }
        catch (ApiRequestException e)
        {
            logger.LogInformation("Chat {chat_ref} cannot be linked: {error}", reference, e.Message);
            return null;
        }
        if (chat.Type is not (ChatType.Group or ChatType.Supergroup or ChatType.Channel))
        {
            return null;
        }
        var linkable = await IsAdminAsync(chat.Id, bot.BotId, ct) && await IsAdminAsync(chat.Id, userId.Value, ct);
        return linkable
            ? new ChatLink(ChatIds.Format(chat.Id), chat.Type == ChatType.Channel ? ChatKind.Channel : ChatKind.Group, chat.Title)
            : null;
    }

    private async Task<bool> IsAdminAsync(long chatId, long userId, CancellationToken ct)
    {
        try
        {
            var member = await bot.GetChatMember(chatId, userId, ct);
            return member.Status is ChatMemberStatus.Administrator or ChatMemberStatus.Creator;
        }
        catch (ApiRequestException e)
        {
            // Not a member, bot not in the chat, chat gone: in every case not an administrator.
            logger.LogInformation("getChatMember for chat {chat_id} failed: {error}", chatId, e.Message);
            return false;
        }
    }

    private static ChatId? ParseReference(string reference)
    {
        var trimmed = reference.Trim();
        if (trimmed.StartsWith('@') && trimmed.Length > 1)
        {
            return new ChatId(trimmed);
        }
        return ChatIds.TryParseId(trimmed, out var id) ? new ChatId(id) : null;
    }
}
