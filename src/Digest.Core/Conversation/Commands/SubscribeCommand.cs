using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Commands;

/// <summary>/subscribe [daily|weekly|both] [@channel]: subscribes this chat, or links a channel its sender administers.</summary>
public sealed class SubscribeCommand(ISubscriberStore subscribers, TimeProvider time) : ICommand
{
    public string Name => "subscribe";

    public string Description => "Subscribe: /subscribe [daily|weekly|both]";

    public string? Parameter => "frequency";

    public bool ChangesSettings => true;

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var words = context.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var frequency = Frequency.Daily;
        string? channel = null;
        foreach (var word in words)
        {
            switch (word.ToLowerInvariant())
            {
                case "daily": frequency = Frequency.Daily; break;
                case "weekly": frequency = Frequency.Weekly; break;
                case "both": frequency = Frequency.Both; break;
                default:
                    if (word.StartsWith('@') || long.TryParse(word, out _))
                    {
                        channel = word;
                        break;
                    }
                    await context.Chat.ReplyAsync(new ChatReply("Usage: /subscribe [daily|weekly|both] [@channel]"), ct);
                    return;
            }
        }

        if (channel is not null)
        {
            await LinkAsync(context, channel, frequency, ct);
            return;
        }
        var now = time.GetUtcNow();
        var saved = await subscribers.SaveAsync(FirstDelivery.Starting(context.Subscriber, frequency, now), ct);
        await context.Chat.ReplyAsync(FirstDelivery.Reply("Subscribed! ", saved, now), ct);
    }

    private async Task LinkAsync(CommandContext context, string channel, Frequency frequency, CancellationToken ct)
    {
        if (context.Message.ChatKind != ChatKind.Private)
        {
            await context.Chat.ReplyAsync(new ChatReply("Link a channel from a private chat with me."), ct);
            return;
        }
        var link = await context.Chat.TryLinkChatAsync(channel, ct);
        if (link is null)
        {
            await context.Chat.ReplyAsync(new ChatReply(
                $"I can't link {channel}: add me to it as an admin first, and make sure you are one of its admins."), ct);
            return;
        }
        var now = time.GetUtcNow();
        var existing = await subscribers.GetAsync(context.Message.Platform, link.ChatId, ct)
            ?? Subscriber.New(context.Message.Platform, link.ChatId, link.Kind, link.Title, now);
        var saved = await subscribers.SaveAsync(FirstDelivery.Starting(existing, frequency, now) with { Title = link.Title ?? existing.Title }, ct);
        // The channel's own delivery times apply; a button here would send the digest to this private chat, so none.
        var weekly = saved.Frequency.HasFlag(Frequency.Weekly) ? "\n\n" + FirstDelivery.FirstWeekly(saved, now) : "";
        await context.Chat.ReplyAsync(new ChatReply(
            $"Linked {link.Title ?? channel}: it will receive the digest.\n\n{SettingsText.Describe(saved)}{weekly}"), ct);
    }
}
