using Digest.Core.Conversation;
using Digest.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Discord.Receiving;

/// <summary>
/// One event → one call of the core's <see cref="IConversation"/> in a fresh DI scope. Never throws except for the
/// caller's cancellation: whatever goes wrong with one event (a handler bug, Discord out of reach while replying) is
/// logged, so the gateway loop goes on to the next.
/// </summary>
internal sealed class DiscordEventHandler(
    IServiceScopeFactory scopes,
    DiscordRestClient rest,
    IOptions<DiscordReceivingOptions> options,
    ILogger<DiscordEventHandler> logger)
{
    /// <summary>
    /// Discord drops an interaction not answered within 3 seconds, and an answer from the LLM takes longer: it is
    /// deferred ("thinking…", or a silent update for a button) at once and filled in when the reply is ready.
    /// </summary>
    public async Task<bool> AcknowledgeAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var type = interaction.IsCommand ? InteractionCallbackType.DeferredChannelMessageWithSource : InteractionCallbackType.DeferredUpdateMessage;
        try
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, type, ct: ct);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Deferring interaction {interaction_id} failed: {error}", interaction.Id, e.Message);
            return false;
        }
    }

    public async Task HandleAsync(DiscordReceived received, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(received);
        var context = new DiscordChatContext(received, rest, options.Value, logger);
        var failed = false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var conversation = scope.ServiceProvider.GetRequiredService<IConversation>();
            await conversation.HandleAsync(received.Message, context, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            failed = true;
            logger.LogError(e, "Handling a Discord event from chat {chat_id} failed: {error}", received.Message.ChatId, e.Message);
        }
        try
        {
            await context.FinishAsync(failed, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Finishing interaction {interaction_id} in chat {chat_id} failed: {error}",
                received.Interaction?.Id, received.Message.ChatId, e.Message);
        }
    }
}
