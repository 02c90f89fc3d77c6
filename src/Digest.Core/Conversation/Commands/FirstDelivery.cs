using System.Globalization;
using Digest.Core.Delivery;
using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Commands;

/// <summary>
/// What a new daily subscriber hears about their first digest. Subscribing after today's delivery time does not send
/// today's edition on its own (it would arrive at an hour nobody chose); it is offered with a button instead.
/// </summary>
internal static class FirstDelivery
{
    /// <summary>The subscriber as saved: a subscription that starts now, unless it was already running.</summary>
    public static Subscriber Starting(Subscriber subscriber, Frequency frequency, DateTimeOffset now) =>
        subscriber with
        {
            Active = true,
            Frequency = frequency,
            SubscribedAt = subscriber.Active && subscriber.Frequency.HasFlag(Frequency.Daily) ? subscriber.SubscribedAt : now,
        };

    public static ChatReply Reply(string opening, Subscriber saved, DateTimeOffset now, bool editOriginal = false)
    {
        var text = opening + SettingsText.Describe(saved);
        if (!saved.Frequency.HasFlag(Frequency.Daily))
        {
            return new ChatReply(text, EditOriginal: editOriginal);
        }
        var next = DeliveryTimes.Next(saved, now);
        var when = string.Create(CultureInfo.InvariantCulture, $"{saved.DeliveryTime:HH\\:mm} ({saved.TimeZone})");
        var nextIsToday = DeliveryTimes.LocalDate(saved, next) == DeliveryTimes.LocalDate(saved, now);
        if (nextIsToday || saved.SubscribedAt < DeliveryTimes.Last(saved, now))
        {
            return new ChatReply($"{text}\n\nYour next digest comes {(nextIsToday ? "today" : "tomorrow")} at {when}.", EditOriginal: editOriginal);
        }
        return new ChatReply(
            $"{text}\n\nToday's digest went out at {when}, before you subscribed; the next one comes tomorrow at that time. Want today's now?",
            [[new ChatButton("📬 Send today's digest now", DigestCommand.SendNowButton)]],
            editOriginal);
    }
}
