using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Commands;

/// <summary>/subscribe [daily|weekly|both] [@channel]: subscribes this chat, or links a channel its sender administers.</summary>
public sealed class SubscribeCommand(ISubscriberStore subscribers, TimeProvider time) : ICommand
{
    public string Name => "subscribe";

    public string Description => "Subscribe: /subscribe [daily|weekly|both]";

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
        var saved = await subscribers.SaveAsync(context.Subscriber with { Active = true, Frequency = frequency }, ct);
        await context.Chat.ReplyAsync(new ChatReply("Subscribed! " + SettingsText.Describe(saved) + WeeklyNote(frequency)), ct);
    }

    // Until the weekly briefing is published, say so rather than leave a weekly-only subscriber waiting.
    private static string WeeklyNote(Frequency frequency) =>
        frequency == Frequency.Weekly
            ? "\n\nThe weekly briefing is not published yet; /subscribe both also gets you the daily digest meanwhile."
            : "";

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
        var existing = await subscribers.GetAsync(context.Message.Platform, link.ChatId, ct)
            ?? Subscriber.New(context.Message.Platform, link.ChatId, link.Kind, link.Title, time.GetUtcNow());
        var saved = await subscribers.SaveAsync(existing with { Active = true, Frequency = frequency, Title = link.Title ?? existing.Title }, ct);
        await context.Chat.ReplyAsync(new ChatReply($"Linked {link.Title ?? channel}: it will receive the digest.\n\n" + SettingsText.Describe(saved) + WeeklyNote(frequency)), ct);
    }
}
