using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Commands;

/// <summary>/timezone Area/City: an IANA zone such as Europe/Berlin.</summary>
public sealed class TimeZoneCommand(ISubscriberStore subscribers) : ICommand
{
    public string Name => "timezone";

    public string Description => "Time zone: /timezone Europe/Berlin";

    public string? Parameter => "zone";

    public bool ChangesSettings => true;

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var id = context.Arguments.Trim();
        if (id.Length == 0 || !Zones.TryFind(id, out var zone))
        {
            await context.Chat.ReplyAsync(new ChatReply($"Usage: /timezone Area/City, e.g. /timezone America/New_York (now {context.Subscriber.TimeZone})."), ct);
            return;
        }
        var saved = await subscribers.SaveAsync(context.Subscriber with { TimeZone = zone.Id }, ct);
        await context.Chat.ReplyAsync(new ChatReply(SettingsText.TimeZoneSet(saved.TimeZone, saved.DeliveryTime)), ct);
    }
}
