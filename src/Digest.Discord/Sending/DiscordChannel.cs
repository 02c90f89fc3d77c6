using Digest.Core.Delivery;
using Digest.Core.Subscriptions;
using Digest.Discord.Rest;
using Digest.Discord.Webhooks;
using Microsoft.Extensions.Logging;

namespace Digest.Discord.Sending;

/// <summary>
/// Discord behind the core's <see cref="IChannel"/>: one message per part, to a bot channel ("{snowflake}") or through
/// a configured webhook ("webhook:{id}"), the chart as files[0], and the outcome mapped to a <see cref="SendResult"/>
/// (see <see cref="DiscordSendFailures"/>). A part's thread is opened on the sent message where Discord allows one.
/// </summary>
public sealed class DiscordChannel(
    DiscordRestClient rest, DiscordWebhooks webhooks, ISubscriberStore subscribers, ILogger<DiscordChannel> logger) : IChannel
{
    public const string PlatformName = "discord";

    /// <summary>Discord's longest thread name.</summary>
    public const int MaxThreadName = 100;

    public string Platform => PlatformName;

    public ChannelCapabilities Capabilities { get; } = new(2000, 2000, SupportsPhotos: true, MessageFormat.DiscordMarkdown);

    public async Task<SendResult> SendAsync(string chatId, MessagePart part, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chatId);
        ArgumentNullException.ThrowIfNull(part);
        DiscordWebhook? webhook = null;
        if (DiscordWebhooks.IsWebhookChatId(chatId) && !webhooks.TryGet(chatId, out webhook))
        {
            // Its token was only ever in configuration: without it nothing can reach that channel again.
            return SendResult.BlockedBy("the webhook is no longer configured (Discord:WebhookUrl, Discord:Webhooks)");
        }
        if (webhook is null && (chatId.Length == 0 || !chatId.All(char.IsAsciiDigit)))
        {
            return SendResult.Fail($"\"{chatId}\" is not a Discord channel id", transient: false);
        }
        DiscordMessage sent;
        try
        {
            sent = await SendOnceAsync(chatId, webhook, part, ct);
        }
        catch (Exception e) when (DiscordSendFailures.Map(e) is { } result)
        {
            return result;
        }
        if (webhook is null && ThreadNameOf(part) is { } name)
        {
            await OpenThreadAsync(chatId, sent, name, ct);
        }
        return SendResult.Ok();
    }

    private async Task<DiscordMessage> SendOnceAsync(string chatId, DiscordWebhook? webhook, MessagePart part, CancellationToken ct)
    {
        // Discord wants some content or a file; a photo without a caption sends no empty "content".
        var content = new DiscordMessageContent(part.IsPhoto && part.Text.Length == 0 ? null : part.Text);
        IReadOnlyList<DiscordFile> files = part.Photo is { } png
            ? [new DiscordFile(part.PhotoName ?? "chart.png", png, "image/png")]
            : [];
        return webhook is null
            ? await rest.CreateMessageAsync(chatId, content, files, ct)
            : await rest.ExecuteWebhookAsync(webhook.Id, webhook.Token, content, files, ct: ct);
    }

    /// <summary>
    /// The message is out whatever happens here: a failure is logged and the send stays Sent, since resending would
    /// post the message twice.
    /// </summary>
    private async Task OpenThreadAsync(string chatId, DiscordMessage sent, string name, CancellationToken ct)
    {
        try
        {
            // A DM has no threads; asking would only earn a refusal every day.
            if (await subscribers.GetAsync(PlatformName, chatId, ct) is { Kind: ChatKind.Private })
            {
                return;
            }
            await rest.CreateThreadFromMessageAsync(sent.ChannelId, sent.Id, name, ct: ct);
        }
        // Whatever went wrong (the store too), nothing may escape: the sender would take it for a failed send and resend it.
        catch (Exception e)
        {
            logger.LogWarning(
                "Discord sent message {message_id} to {chat_id} but could not open its thread: {error}",
                sent.Id, chatId, DiscordSendFailures.Map(e)?.Error ?? e.Message);
        }
    }

    private static string? ThreadNameOf(MessagePart part)
    {
        var name = part.ThreadName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        if (name.Length <= MaxThreadName)
        {
            return name;
        }
        // Cut before a surrogate pair rather than through it, which Discord would refuse as invalid text.
        var cut = char.IsHighSurrogate(name[MaxThreadName - 2]) ? MaxThreadName - 2 : MaxThreadName - 1;
        return name[..cut].TrimEnd() + "…";
    }
}
