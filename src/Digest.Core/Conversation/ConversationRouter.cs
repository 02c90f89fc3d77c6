using Digest.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Conversation;

/// <summary>
/// Routes a message to its command (or a button to the command that drew it), checking group permissions first; other
/// text goes to the <see cref="ChatAssistant"/> (questions, links, settings in plain words) — in groups and channels
/// only when it mentions the bot or replies to it.
/// </summary>
public sealed class ConversationRouter(
    IEnumerable<ICommand> commands,
    ISubscriberStore subscribers,
    ChatAssistant assistant,
    TimeProvider time,
    ILogger<ConversationRouter> logger) : IConversation
{
    private readonly Dictionary<string, ICommand> _commands = commands.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ICommand> Commands => _commands.Values;

    public async Task HandleAsync(IncomingMessage message, IChatContext chat, CancellationToken ct)
    {
        if (message.CallbackData is { } data)
        {
            var owner = _commands.Values.OfType<IButtonCommand>().FirstOrDefault(c => data.StartsWith(c.CallbackPrefix, StringComparison.Ordinal));
            if (owner is not null && await AllowedAsync(owner, chat, ct))
            {
                await owner.HandleButtonAsync(await ContextAsync(message, chat, "", ct), data[owner.CallbackPrefix.Length..], ct);
            }
            return;
        }

        var text = message.Text.Trim();
        if (!text.StartsWith('/'))
        {
            // Groups and channels talk among themselves; only answer people who talk to the bot directly.
            if (message.ChatKind == ChatKind.Private || message.AddressedToBot)
            {
                await chat.ReplyAsync(await assistant.HandleAsync(await ContextAsync(message, chat, text, ct), ct), ct);
            }
            return;
        }
        var space = text.IndexOfAny([' ', '\n']);
        var name = (space < 0 ? text[1..] : text[1..space]).Split('@')[0];
        var arguments = space < 0 ? "" : text[(space + 1)..].Trim();
        if (!_commands.TryGetValue(name, out var command))
        {
            if (message.ChatKind == ChatKind.Private)
            {
                await chat.ReplyAsync(new ChatReply($"Unknown command /{name}. Send /help to see what I can do."), ct);
            }
            return;
        }
        if (command is IOperatorCommand && !await chat.IsSenderOperatorAsync(ct))
        {
            await chat.ReplyAsync(new ChatReply($"/{command.Name} is for the people who run this bot."), ct);
            return;
        }
        if (!await AllowedAsync(command, chat, ct))
        {
            await chat.ReplyAsync(new ChatReply("Only admins of this chat can change its digest settings."), ct);
            return;
        }
        logger.LogDebug("Chat {chat_id} ran /{command}", message.ChatId, command.Name);
        await command.HandleAsync(await ContextAsync(message, chat, arguments, ct), ct);
    }

    private static async Task<bool> AllowedAsync(ICommand command, IChatContext chat, CancellationToken ct) =>
        !command.ChangesSettings || await chat.IsSenderAdminAsync(ct);

    private async Task<CommandContext> ContextAsync(IncomingMessage message, IChatContext chat, string arguments, CancellationToken ct)
    {
        var subscriber = await subscribers.GetAsync(message.Platform, message.ChatId, ct)
            ?? Subscriber.New(message.Platform, message.ChatId, message.ChatKind, message.ChatTitle, time.GetUtcNow());
        return new CommandContext(message, chat, arguments, subscriber);
    }
}
