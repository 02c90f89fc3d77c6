using System.Text.Json;
using System.Text.RegularExpressions;
using Digest.Core.Conversation;
using Digest.Core.Subscriptions;
using Digest.Discord.Gateway;

namespace Digest.Discord.Receiving;

/// <summary>
/// A gateway event → the core's <see cref="IncomingMessage"/>; null for events the bot does not act on. Thread events
/// only teach <see cref="BotThreads"/>, so they must be mapped in the order they came, before the messages after them.
/// </summary>
internal sealed partial class DiscordEventMapper(BotThreads threads)
{
    public const string Platform = "discord";

    // DEFAULT and REPLY; joins, pins, thread starts and the like are system messages nobody wrote to the bot.
    private static readonly int[] PersonMessageTypes = [0, 19];

    [GeneratedRegex(@"https?://[^\s<>""')\]]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RawLink();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    public DiscordReceived? Map(GatewayEvent gatewayEvent, string? botUserId)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        var data = gatewayEvent.Data;
        switch (gatewayEvent.Type)
        {
            case "GUILD_CREATE":
                threads.ObserveGuild(data, botUserId);
                return null;
            case "THREAD_CREATE":
                threads.Observe(data, botUserId);
                return null;
            case "THREAD_DELETE":
                threads.Forget(data);
                return null;
            case "MESSAGE_CREATE":
                return FromMessage(data, botUserId);
            case "INTERACTION_CREATE":
                return FromInteraction(data);
            default:
                return null;
        }
    }

    private DiscordReceived? FromMessage(JsonElement data, string? botUserId)
    {
        var author = data.Obj("author");
        // Other bots, webhooks (our own daily posts among them) and ourselves are never talking to us.
        if (author.Bool("bot") || data.Has("webhook_id") || author.Str("id") is not { } userId || userId == botUserId
            || !PersonMessageTypes.Contains(data.Int("type") ?? 0) || data.Str("channel_id") is not { } channelId)
        {
            return null;
        }
        var (text, _) = WithoutMention(data.Str("content") ?? string.Empty, botUserId);
        if (text.Length == 0)
        {
            return null;
        }
        var inDm = !data.Has("guild_id");
        var parent = inDm ? null : threads.ParentOf(channelId);
        var addressed = parent is not null || Mentions(data, botUserId) || RepliesTo(data, botUserId);
        if (!inDm && !addressed)
        {
            // Without the Message Content intent these would arrive empty anyway; a channel talks among itself.
            return null;
        }
        var message = new IncomingMessage(
            Platform, parent ?? channelId, inDm ? ChatKind.Private : ChatKind.Group, inDm ? DisplayName(author) : null, userId, text)
        {
            AddressedToBot = addressed,
            RepliedToLinks = data.Obj("referenced_message") is { } replied ? LinksOf(replied) : [],
        };
        return new DiscordReceived(message, channelId) { MessageId = data.Str("id") };
    }

    private DiscordReceived? FromInteraction(JsonElement data)
    {
        var type = data.Int("type");
        if (type is not (DiscordInteraction.ApplicationCommand or DiscordInteraction.MessageComponent)
            || data.Str("id") is not { } id || data.Str("token") is not { } token || data.Str("application_id") is not { } applicationId
            || (data.Str("channel_id") ?? data.Obj("channel").Str("id")) is not { } channelId)
        {
            return null;
        }
        var member = data.Obj("member");
        var user = member?.Obj("user") ?? data.Obj("user");
        if (user.Str("id") is not { } userId)
        {
            return null;
        }
        var inDm = !data.Has("guild_id");
        var parent = inDm ? null : threads.ParentOf(channelId);
        var payload = data.Obj("data") ?? default;
        var isCommand = type == DiscordInteraction.ApplicationCommand;
        var text = isCommand ? CommandText(payload) : string.Empty;
        var callback = isCommand ? null : payload.Str("custom_id") ?? string.Empty;
        var title = inDm ? DisplayName(user) : data.Obj("channel").Str("name");
        var message = new IncomingMessage(
            Platform, parent ?? channelId, inDm ? ChatKind.Private : ChatKind.Group, title, userId, text, callback)
        {
            // A command is always meant for the bot; a button press carries no text to read.
            AddressedToBot = true,
        };
        return new DiscordReceived(message, channelId)
        {
            MessageId = isCommand ? null : data.Obj("message").Str("id"),
            Interaction = new DiscordInteraction(id, token, applicationId, type.Value),
            Permissions = member.Str("permissions"),
        };
    }

    /// <summary>"/ask" with its one option → "/ask what is new?", the text the core's router reads.</summary>
    private static string CommandText(JsonElement payload)
    {
        var name = payload.Str("name") ?? string.Empty;
        var options = payload.Array("options").ToList();
        if (options.Count != 1 || !options[0].TryGetProperty("value", out var value))
        {
            return "/" + name;
        }
        var argument = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return string.IsNullOrWhiteSpace(argument) ? "/" + name : $"/{name} {argument.Trim()}";
    }

    /// <summary>The text without "&lt;@id&gt;" / "&lt;@!id&gt;" of the bot, so "@Digest what does #2 say?" reads as the question.</summary>
    public static (string Text, bool Mentioned) WithoutMention(string text, string? botUserId)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (botUserId is null)
        {
            return (text.Trim(), false);
        }
        var stripped = text.Replace($"<@{botUserId}>", " ", StringComparison.Ordinal).Replace($"<@!{botUserId}>", " ", StringComparison.Ordinal);
        if (stripped == text)
        {
            return (text.Trim(), false);
        }
        return (Spaces().Replace(stripped, " ").Trim().TrimStart(',', ':').Trim(), true);
    }

    private static bool Mentions(JsonElement data, string? botUserId) =>
        botUserId is not null && data.Array("mentions").Any(m => m.Str("id") == botUserId);

    private static bool RepliesTo(JsonElement data, string? botUserId) =>
        botUserId is not null && data.Obj("referenced_message")?.Obj("author").Str("id") == botUserId;

    private static string? DisplayName(JsonElement? user) => user.Str("global_name") ?? user.Str("username");

    /// <summary>
    /// The replied message's http(s) links in reading order: in its text (the digest's masked links among them) and
    /// its embeds, whose titles link the article.
    /// </summary>
    private static IReadOnlyList<string> LinksOf(JsonElement replied)
    {
        var texts = new List<string> { replied.Str("content") ?? string.Empty };
        foreach (var embed in replied.Array("embeds"))
        {
            texts.Add(embed.Str("url") ?? string.Empty);
            texts.Add(embed.Str("description") ?? string.Empty);
        }
        return [.. texts
            .SelectMany(t => RawLink().Matches(t).Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?')))
            .Where(l => Uri.TryCreate(l, UriKind.Absolute, out _))
            .Distinct(StringComparer.Ordinal)];
    }
}
