using System.Text.Json.Nodes;

namespace Digest.TestKit.Telegram;

/// <summary>Telegram's object shapes as the fake sends them: snake_case, optional fields omitted.</summary>
internal static class FakeTelegramJson
{
    public static JsonObject User(long id, bool isBot, string firstName, string? username = null)
    {
        var user = new JsonObject { ["id"] = id, ["is_bot"] = isBot, ["first_name"] = firstName };
        if (username is not null)
        {
            user["username"] = username;
        }
        return user;
    }

    public static JsonObject Chat(FakeChat chat)
    {
        var json = new JsonObject { ["id"] = chat.Id, ["type"] = chat.Type };
        if (chat.Type == "private")
        {
            json["first_name"] = chat.Title ?? $"User{chat.Id}";
        }
        else if (chat.Title is not null)
        {
            json["title"] = chat.Title;
        }
        if (chat.Username is not null)
        {
            json["username"] = chat.Username;
        }
        return json;
    }

    public static JsonObject Message(int messageId, FakeChat chat, JsonObject? from, DateTimeOffset date, string? text)
    {
        var message = new JsonObject { ["message_id"] = messageId };
        if (from is not null)
        {
            message["from"] = from;
        }
        message["chat"] = Chat(chat);
        message["date"] = date.ToUnixTimeSeconds();
        if (text is not null)
        {
            message["text"] = text;
            if (text.StartsWith('/'))
            {
                var commandLength = text.Split(' ', 2)[0].Length;
                message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = commandLength });
            }
        }
        return message;
    }

    /// <summary>A message the bot sent, as Telegram echoes it back.</summary>
    public static JsonObject Sent(SentTelegramMessage sent, FakeChat chat, JsonObject bot)
    {
        var message = Message(sent.MessageId, chat, bot, sent.At, null);
        if (sent.IsPhoto)
        {
            message["photo"] = new JsonArray(new JsonObject
            {
                ["file_id"] = $"photo-{sent.MessageId}",
                ["file_unique_id"] = $"u-photo-{sent.MessageId}",
                ["width"] = 800,
                ["height"] = 600,
            });
            message["caption"] = sent.PlainText;
        }
        else
        {
            message["text"] = sent.PlainText;
            if (sent.IsHtml && FakeTelegramEntities.TextLinks(sent.Text, sent.PlainText) is { } links)
            {
                message["entities"] = links;
            }
        }
        if (sent.ReplyMarkup is not null)
        {
            message["reply_markup"] = sent.ReplyMarkup.DeepClone();
        }
        return message;
    }
}
