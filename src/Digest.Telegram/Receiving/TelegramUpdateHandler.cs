using Digest.Core.Conversation;
using Digest.Telegram.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Digest.Telegram.Receiving;

/// <summary>
/// One update → one call of the core's <see cref="IConversation"/> in a fresh DI scope. Shared by long polling and
/// the webhook. Never throws except for the caller's cancellation: whatever goes wrong with one update (a handler bug,
/// Telegram out of reach while replying) is logged, so the receive loop goes on to the next.
/// </summary>
internal sealed class TelegramUpdateHandler(
    IServiceScopeFactory scopes,
    ITelegramBotClient bot,
    ChatAdmins admins,
    BotIdentity identity,
    TimeProvider time,
    ILogger<TelegramUpdateHandler> logger)
{
    public async Task HandleAsync(Update update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        try
        {
            await HandleOneAsync(update, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Handling update {update_id} failed: {error}", update.Id, e.Message);
        }
    }

    private async Task HandleOneAsync(Update update, CancellationToken ct)
    {
        var received = UpdateMapper.Map(update, await BotUsernameAsync(ct), bot.BotId);
        if (received is null)
        {
            await AnswerIgnoredCallbackAsync(update, ct);
            return;
        }

        var context = new TelegramChatContext(received, bot, admins, time, logger);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var conversation = scope.ServiceProvider.GetRequiredService<IConversation>();
            await conversation.HandleAsync(received.Message, context, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Handling update {update_id} from chat {chat_id} failed: {error}", update.Id, received.ChatId, e.Message);
        }
        // Also after a failure: the button's spinner stops either way.
        await context.AnswerCallbackAsync(ct);
    }

    private async Task<string?> BotUsernameAsync(CancellationToken ct)
    {
        try
        {
            return (await identity.GetAsync(ct)).Username;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Without our name, "/cmd@anybot" is taken as ours; better than dropping every command.
            logger.LogWarning("getMe failed, commands are matched without the bot's name: {error}", e.Message);
            return null;
        }
    }

    private async Task AnswerIgnoredCallbackAsync(Update update, CancellationToken ct)
    {
        if (update.CallbackQuery is not { } query)
        {
            return;
        }
        try
        {
            await bot.AnswerCallbackQuery(query.Id, cancellationToken: ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogInformation("Answering an ignored callback query failed: {error}", e.Message);
        }
    }
}
