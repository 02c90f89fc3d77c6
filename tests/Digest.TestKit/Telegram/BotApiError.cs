using System.Text.Json.Nodes;

namespace Digest.TestKit.Telegram;

/// <summary>A Bot API failure the fake answers with; thrown by a method handler, written as Telegram's error envelope.</summary>
internal sealed class BotApiError(int errorCode, string description, int? retryAfter = null, long? migrateToChatId = null)
    : Exception(description)
{
    public int ErrorCode { get; } = errorCode;

    public static BotApiError BadRequest(string detail) => new(400, "Bad Request: " + detail);

    public JsonObject ToJson()
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = ErrorCode, ["description"] = Message };
        if (retryAfter is not null || migrateToChatId is not null)
        {
            var parameters = new JsonObject();
            if (retryAfter is { } seconds)
            {
                parameters["retry_after"] = seconds;
            }
            if (migrateToChatId is { } chatId)
            {
                parameters["migrate_to_chat_id"] = chatId;
            }
            body["parameters"] = parameters;
        }
        return body;
    }
}
