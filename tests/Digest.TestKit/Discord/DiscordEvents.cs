using System.Text.Json.Nodes;

namespace Digest.TestKit.Discord;

/// <summary>Gateway dispatch data as Discord sends it, with the fields the adapter reads.</summary>
public static class DiscordEvents
{
    public const string BotId = "1100000000000000002";
    public const string AppId = "1100000000000000001";
    public const string Guild = "1400000000000000001";
    public const string Channel = "1200000000000000001";
    public const string DmChannel = "1200000000000000009";
    public const string ThreadId = "1300000000000000077";
    public const string User = "1500000000000000001";

    private static long _ids = 1_700_000_000_000_000_000;

    public static string NextId() => Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Message(string content, string channelId, string? guildId = null, bool mentionsBot = false, JsonObject? author = null)
    {
        var message = new JsonObject
        {
            ["id"] = NextId(),
            ["type"] = 0,
            ["channel_id"] = channelId,
            ["content"] = content,
            ["author"] = author ?? new JsonObject { ["id"] = User, ["username"] = "ada", ["global_name"] = "Ada" },
            ["mentions"] = mentionsBot ? new JsonArray(new JsonObject { ["id"] = BotId, ["username"] = "Digest", ["bot"] = true }) : new JsonArray(),
        };
        if (guildId is not null)
        {
            message["guild_id"] = guildId;
            message["member"] = new JsonObject { ["roles"] = new JsonArray() };
        }
        return message;
    }

    public static JsonObject BotThread(string threadId = ThreadId, string parentId = Channel, string ownerId = BotId) => new()
    {
        ["id"] = threadId,
        ["type"] = 11,
        ["guild_id"] = Guild,
        ["parent_id"] = parentId,
        ["owner_id"] = ownerId,
        ["name"] = "Digest — Tuesday",
    };

    public static JsonObject GuildCreate(params JsonObject[] threads) => new()
    {
        ["id"] = Guild,
        ["name"] = "Readers",
        ["threads"] = new JsonArray([.. threads]),
    };

    /// <param name="permissions">The member's bitfield; null for a DM (no guild, a user instead of a member).</param>
    public static JsonObject Command(string name, string? option = null, string? permissions = "0", string channelId = Channel) =>
        Interaction(2, channelId, permissions, new JsonObject
        {
            ["id"] = NextId(),
            ["name"] = name,
            ["type"] = 1,
            ["options"] = option is null ? new JsonArray() : new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = option }),
        });

    public static JsonObject Button(string customId, string carrierMessageId, string? permissions = "0", string channelId = Channel)
    {
        var interaction = Interaction(3, channelId, permissions, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 });
        interaction["message"] = new JsonObject { ["id"] = carrierMessageId, ["channel_id"] = channelId, ["content"] = "Pick" };
        return interaction;
    }

    private static JsonObject Interaction(int type, string channelId, string? permissions, JsonObject data)
    {
        var user = new JsonObject { ["id"] = User, ["username"] = "ada", ["global_name"] = "Ada" };
        var interaction = new JsonObject
        {
            ["id"] = NextId(),
            ["application_id"] = AppId,
            ["type"] = type,
            ["token"] = "interaction-token-" + NextId(),
            ["version"] = 1,
            ["channel_id"] = channelId,
            ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "news", ["type"] = 0 },
            ["data"] = data,
        };
        if (permissions is null)
        {
            interaction["user"] = user;
        }
        else
        {
            interaction["guild_id"] = Guild;
            interaction["member"] = new JsonObject { ["user"] = user, ["permissions"] = permissions, ["roles"] = new JsonArray() };
        }
        return interaction;
    }
}
