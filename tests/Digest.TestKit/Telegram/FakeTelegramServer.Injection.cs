using System.Text.Json.Nodes;

namespace Digest.TestKit.Telegram;

// Updates as Telegram would queue them for getUpdates.
public sealed partial class FakeTelegramServer
{
    /// <summary>Queues a "message" update from a user; returns its update_id.</summary>
    public int InjectMessage(long chatId, long userId, string text, string chatType = "private", string? chatTitle = null)
    {
        var chat = Remember(new FakeChat(chatId, chatType, chatTitle));
        var from = FakeTelegramJson.User(userId, isBot: false, $"User{userId}");
        return _updates.Add("message", FakeTelegramJson.Message(NextMessageId(), chat, from, Now, text));
    }

    /// <summary>
    /// Queues a "message" update replying to message <paramref name="replyToMessageId"/> of the chat — one the bot sent
    /// is echoed back with its links as text_link entities; returns its update_id.
    /// </summary>
    public int InjectReply(long chatId, long userId, int replyToMessageId, string text, string chatType = "private", string? chatTitle = null)
    {
        var chat = Remember(new FakeChat(chatId, chatType, chatTitle));
        var from = FakeTelegramJson.User(userId, isBot: false, $"User{userId}");
        var message = FakeTelegramJson.Message(NextMessageId(), chat, from, Now, text);
        lock (_gate)
        {
            var sent = _messages.Find(m => m.ChatId == chatId && m.MessageId == replyToMessageId);
            message["reply_to_message"] = sent is null
                ? FakeTelegramJson.Message(replyToMessageId, chat, null, Now, null)
                : FakeTelegramJson.Sent(sent, chat, BotUser(_botId));
        }
        return _updates.Add("message", message);
    }

    /// <summary>Queues a "channel_post" update (no sender user, sender_chat = the channel); returns its update_id.</summary>
    public int InjectChannelPost(long chatId, string text, string? chatTitle = null)
    {
        var chat = Remember(new FakeChat(chatId, "channel", chatTitle));
        var post = FakeTelegramJson.Message(NextMessageId(), chat, null, Now, text);
        post["sender_chat"] = FakeTelegramJson.Chat(chat);
        return _updates.Add("channel_post", post);
    }

    /// <summary>Queues a button press on message <paramref name="messageId"/>; returns the callback query id.</summary>
    public string InjectCallback(long chatId, long userId, int messageId, string data)
    {
        string id;
        JsonObject message;
        lock (_gate)
        {
            id = $"cbq-{_nextCallbackId++}";
            _callbacks[id] = (chatId, false);
            var chat = _chats.GetValueOrDefault(chatId) ?? new FakeChat(chatId, chatId > 0 ? "private" : "supergroup");
            var sent = _messages.Find(m => m.ChatId == chatId && m.MessageId == messageId);
            message = sent is null
                ? FakeTelegramJson.Message(messageId, chat, null, Now, null)
                : FakeTelegramJson.Sent(sent, chat, BotUser(_botId));
        }
        _updates.Add("callback_query", new JsonObject
        {
            ["id"] = id,
            ["from"] = FakeTelegramJson.User(userId, isBot: false, $"User{userId}"),
            ["message"] = message,
            ["chat_instance"] = $"ci-{chatId}",
            ["data"] = data,
        });
        return id;
    }

    /// <summary>Updates not yet confirmed by a getUpdates offset.</summary>
    public int PendingUpdates => _updates.PendingCount;
}
