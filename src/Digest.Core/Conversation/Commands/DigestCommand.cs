using System.Globalization;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Commands;

/// <summary>
/// /digest (and the "send it now" button): the latest edition, cut to this chat's settings, through the outbox's reply
/// lane — the same limits and exactly-once as scheduled editions, and no waiting in the receive loop. When there is no
/// recent edition, a fresh one is requested and sent when composed. One per chat per <see cref="DeliveryOptions.ReplyCooldown"/>.
/// </summary>
public sealed class DigestCommand(
    IEditionStore editions,
    ISubscriberStore subscribers,
    IOutbox outbox,
    IEnumerable<IEditionRenderer> renderers,
    DeliverySignals signals,
    DeliveryOptions options,
    TimeProvider time) : IButtonCommand
{
    public const string SendNowButton = "digest:now";

    // True whether the first ask's digest is still going out or already arrived.
    private const string AskedAgain = "You just asked: your digest is on its way, or already above. Ask again in a minute for a fresh look.";

    private const string NothingNew = "You have already been sent every article of the latest digest. New ones come with your next one.";

    private const string NothingNewYet = "You have already been sent every article of the latest digest. Ask again later, or /subscribe to get each day's new ones.";

    public string Name => "digest";

    public string Description => "The latest digest, now";

    public bool ChangesSettings => false;

    public string CallbackPrefix => "digest:";

    public Task HandleButtonAsync(CommandContext context, string data, CancellationToken ct) => HandleAsync(context, ct);

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cuts = new SubscriberCuts(renderers);
        if (!cuts.CanRender(context.Message.Platform))
        {
            await context.Chat.ReplyAsync(new ChatReply("Digests can't be shown in this chat yet."), ct);
            return;
        }
        var now = time.GetUtcNow();
        // A chat that never subscribed is stored (inactive) too: outbox rows belong to a stored chat.
        var subscriber = context.Subscriber.Id != 0 ? context.Subscriber : await subscribers.SaveAsync(context.Subscriber, ct);
        if (await outbox.LastRecordedAtAsync(subscriber.Id, DeliveryKind.Reply, ct) is { } last && now - last < options.ReplyCooldown)
        {
            await context.Chat.ReplyAsync(new ChatReply(AskedAgain), ct);
            return;
        }
        var latest = await editions.GetLatestAsync(EditionKind.Daily, ct);
        if (latest is not null && now - latest.GeneratedAt <= options.OnDemandMaxAge)
        {
            var sent = await outbox.GetSentBeforeAsync([subscriber.Id], latest, ct);
            var cut = cuts.Render(latest, subscriber, DeliveryTimes.LocalDate(subscriber, now), sent.GetValueOrDefault(subscriber.Id))!;
            var seenAll = cut.Articles.Count == 0 && latest.Items.Count > 0;
            if (!seenAll)
            {
                var delivery = new DeliveryRequest(subscriber.Id, DeliveryKind.Reply, Slot(now), latest.Id, now) { Articles = cut.Articles };
                if (!await outbox.EnqueueAsync(delivery, cut.Parts, ct))
                {
                    await context.Chat.ReplyAsync(new ChatReply(AskedAgain), ct);
                    return;
                }
                signals.OutboxChanged();
                return;
            }
            // They had all of it: an edition this fresh has nothing newer, an older one may be outgrown by what came since.
            if (now - latest.GeneratedAt <= options.FreshFor)
            {
                await context.Chat.ReplyAsync(new ChatReply(subscriber.Active ? NothingNew : NothingNewYet), ct);
                return;
            }
        }
        if (await outbox.RequestAsync(new DeliveryRequest(subscriber.Id, DeliveryKind.Reply, Slot(now), null, now), ct))
        {
            signals.PlanRequested();
        }
        await context.Chat.ReplyAsync(new ChatReply(latest is null
            ? "The first digest is being put together right now. I'll send it here as soon as it's ready."
            : "Putting together a fresh digest. I'll send it here as soon as it's ready."), ct);
    }

    /// <summary>
    /// Asks within one cooldown window share a slot, so two handled at the same instant (two instances, a redelivered
    /// update) still make one delivery; the check above covers asks on both sides of a window's edge.
    /// </summary>
    private string Slot(DateTimeOffset now)
    {
        var window = Math.Max(1, (long)options.ReplyCooldown.TotalSeconds);
        return "digest:" + (now.ToUnixTimeSeconds() / window).ToString(CultureInfo.InvariantCulture);
    }
}
