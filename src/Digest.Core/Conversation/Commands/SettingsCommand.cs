namespace Digest.Core.Conversation.Commands;

public sealed class SettingsCommand : ICommand
{
    public string Name => "settings";

    public string Description => "Show your settings";

    public bool ChangesSettings => false;

    public Task HandleAsync(CommandContext context, CancellationToken ct) =>
        context.Chat.ReplyAsync(new ChatReply(SettingsText.Describe(context.Subscriber)), ct);
}
