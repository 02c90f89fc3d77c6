namespace Digest.Core.Conversation.Commands;

/// <summary>/help: every command with its description, from the commands themselves.</summary>
public sealed class HelpCommand(IServiceProvider services) : ICommand
{
    public string Name => "help";

    public string Description => "What I can do";

    public bool ChangesSettings => false;

    public Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        // Resolved late: the help command is itself one of the commands.
        var commands = (IEnumerable<ICommand>?)services.GetService(typeof(IEnumerable<ICommand>)) ?? [];
        var lines = commands.Select(c => $"/{c.Name} — {c.Description}");
        return context.Chat.ReplyAsync(new ChatReply("Commands:\n" + string.Join('\n', lines)), ct);
    }
}
