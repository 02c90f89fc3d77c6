namespace Digest.Core.Conversation.Commands;

/// <summary>/ask why does #3 matter? — answered from the articles, with their links.</summary>
public sealed class AskCommand(ChatAssistant assistant) : ICommand
{
    public string Name => "ask";

    public string Description => "Ask about the articles: /ask why does #3 matter?";

    public string? Parameter => "question";

    public bool ChangesSettings => false;

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reply = context.Arguments.Trim().Length == 0
            ? new ChatReply("Ask me something after /ask, e.g. /ask what's new in Postgres?")
            : await assistant.AskAsync(context, context.Arguments.Trim(), ct);
        await context.Chat.ReplyAsync(reply, ct);
    }
}
