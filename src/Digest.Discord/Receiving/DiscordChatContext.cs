using Digest.Core.Conversation;
using Digest.Core.Subscriptions;
using Digest.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Digest.Discord.Receiving;

/// <summary>
/// The chat one event came from, as the core's command handlers see it. A plain message is answered in its channel
/// (or the bot's thread it was written in); an interaction, deferred on receipt, through its webhook: the first reply
/// of a command fills in the "thinking…" answer, later ones follow up; a button press edits the message that
/// carried the buttons only when the reply asks for it.
/// </summary>
internal sealed class DiscordChatContext(DiscordReceived received, DiscordRestClient rest, DiscordReceivingOptions options, ILogger logger)
    : IChatContext
{
    private const string DoneText = "Done.";
    private const string FailedText = "Sorry, that did not work. Please try again.";

    private bool _originalFilled;

    public async Task ReplyAsync(ChatReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var components = DiscordComponents.From(reply.Buttons);
        IReadOnlyList<string?> parts = DiscordReplyText.Format(reply.Text);
        if (parts.Count == 0)
        {
            if (components is null)
            {
                return;
            }
            parts = [null];
        }
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            var content = new DiscordMessageContent(parts[i]) { Components = last ? components : null };
            await SendAsync(content, first: i == 0, editOriginal: reply.EditOriginal && i == 0, ct);
        }
    }

    /// <summary>
    /// A command nobody replied to would show "thinking…" until Discord gives up on it; it says it is done, or that it
    /// failed, instead.
    /// </summary>
    public async Task FinishAsync(bool failed, CancellationToken ct)
    {
        // Not when the deferral failed: then there is no "thinking…", and a "Done." of its own in the channel is noise.
        if (received.Interaction is { IsCommand: true } && !_originalFilled && await received.Acknowledged)
        {
            await ReplyAsync(new ChatReply(failed ? FailedText : DoneText), ct);
        }
    }

    public Task<bool> IsSenderAdminAsync(CancellationToken ct)
    {
        // Only interactions carry the member's permissions: MESSAGE_CREATE has none, and asking the REST API would
        // need the guild's roles and the channel's overwrites. So settings in a server are changed by slash command.
        var admin = received.Message.ChatKind == ChatKind.Private
            || IsOperator()
            || (received.Interaction is not null && DiscordPermissions.AdministersChannel(received.Permissions));
        return Task.FromResult(admin);
    }

    public Task<bool> IsSenderOperatorAsync(CancellationToken ct) => Task.FromResult(IsOperator());

    /// <summary>A Discord channel subscribes itself with /subscribe; nothing is linked from elsewhere.</summary>
    public Task<ChatLink?> TryLinkChatAsync(string chatReference, CancellationToken ct) => Task.FromResult<ChatLink?>(null);

    private bool IsOperator() => options.OperatorIds.Contains(received.Message.UserId, StringComparer.Ordinal);

    private async Task SendAsync(DiscordMessageContent content, bool first, bool editOriginal, CancellationToken ct)
    {
        if (received.Interaction is { } interaction)
        {
            if (await received.Acknowledged)
            {
                await SendToInteractionAsync(interaction, content, editOriginal, ct);
                return;
            }
            logger.LogInformation("Interaction {interaction_id} was not deferred in time; replying in chat {chat_id} instead",
                interaction.Id, received.Message.ChatId);
            _originalFilled = true;
            if (editOriginal && received.MessageId is { } carrier)
            {
                await rest.EditMessageAsync(received.ReplyChannelId, carrier, content, ct);
                return;
            }
            await rest.CreateMessageAsync(received.ReplyChannelId, content, ct);
            return;
        }
        // In a server the first part answers the person's message, so a busy channel shows what it answers.
        var replyTo = first && received.Message.ChatKind != ChatKind.Private ? received.MessageId : null;
        await rest.CreateMessageAsync(received.ReplyChannelId, content with { ReplyToMessageId = replyTo }, ct);
    }

    private async Task SendToInteractionAsync(DiscordInteraction interaction, DiscordMessageContent content, bool editOriginal, CancellationToken ct)
    {
        // A command's original is our own "thinking…" answer; a button's is the message with the buttons, which only an
        // edit-in-place reply may replace.
        var edit = interaction.IsCommand ? !_originalFilled : editOriginal;
        if (edit)
        {
            _originalFilled = true;
            await rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, content, ct);
            return;
        }
        await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, content, ct: ct);
    }
}
