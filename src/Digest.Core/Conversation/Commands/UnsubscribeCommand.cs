using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Commands;

public sealed class UnsubscribeCommand(ISubscriberStore subscribers) : ICommand
{
    public string Name => "unsubscribe";

    public string Description => "Stop receiving digests";

    public bool ChangesSettings => true;

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        if (context.Subscriber.Id == 0 || !context.Subscriber.Active)
        {
            await context.Chat.ReplyAsync(new ChatReply("You are not subscribed. Send /subscribe to start."), ct);
            return;
        }
        await subscribers.SaveAsync(context.Subscriber with { Active = false, Frequency = Frequency.None }, ct);
        await context.Chat.ReplyAsync(new ChatReply("Unsubscribed. Your settings are kept; /subscribe brings the digest back."), ct);
    }
}
