using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Commands;

/// <summary>/start: welcome, a subscribe button, and a way back for someone who had blocked the bot.</summary>
public sealed class StartCommand(ISubscriberStore subscribers, TimeProvider time) : IButtonCommand
{
    public string Name => "start";

    public string Description => "Welcome and subscribe";

    public bool ChangesSettings => false;

    public string CallbackPrefix => "start:";

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var s = context.Subscriber;
        if (s.Id != 0 && !s.Active && s.Frequency != Frequency.None)
        {
            var now = time.GetUtcNow();
            var back = await subscribers.SaveAsync(FirstDelivery.Starting(s, s.Frequency, now), ct);
            await context.Chat.ReplyAsync(FirstDelivery.Reply("Welcome back! Your subscription is active again.\n\n", back, now), ct);
            return;
        }
        var text = """
            Hi! I send a daily digest of the best tech blog posts: scored, summarized and grouped by topic.

            Tap below to subscribe, or send /help to see every command.
            """;
        var buttons = s.Active
            ? null
            : new[] { new[] { new ChatButton("📬 Subscribe to the daily digest", CallbackPrefix + "subscribe") } };
        await context.Chat.ReplyAsync(new ChatReply(text, buttons), ct);
    }

    public async Task HandleButtonAsync(CommandContext context, string data, CancellationToken ct)
    {
        if (data != "subscribe" || !await context.Chat.IsSenderAdminAsync(ct))
        {
            return;
        }
        var now = time.GetUtcNow();
        var saved = await subscribers.SaveAsync(FirstDelivery.Starting(context.Subscriber, Frequency.Daily, now), ct);
        await context.Chat.ReplyAsync(FirstDelivery.Reply("Subscribed! ", saved, now, editOriginal: true), ct);
    }
}
