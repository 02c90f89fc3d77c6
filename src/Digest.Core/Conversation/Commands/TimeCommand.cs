using System.Globalization;
using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Commands;

/// <summary>/time HH:MM: when the digest arrives, in the chat's time zone.</summary>
public sealed class TimeCommand(ISubscriberStore subscribers) : ICommand
{
    public string Name => "time";

    public string Description => "Delivery time: /time 08:00";

    public string? Parameter => "time";

    public bool ChangesSettings => true;

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        if (!TimeOnly.TryParseExact(context.Arguments, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            await context.Chat.ReplyAsync(new ChatReply($"Usage: /time HH:MM, e.g. /time 07:30 (now {context.Subscriber.DeliveryTime:HH\\:mm})."), ct);
            return;
        }
        var saved = await subscribers.SaveAsync(context.Subscriber with { DeliveryTime = at }, ct);
        await context.Chat.ReplyAsync(new ChatReply(SettingsText.DeliveryAt(at, saved.TimeZone)), ct);
    }
}
