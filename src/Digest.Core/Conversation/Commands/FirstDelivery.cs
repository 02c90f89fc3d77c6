using System.Globalization;
using Digest.Core.Delivery;
using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Commands;

/// <summary>
/// What a new subscriber hears about their first digest and weekly briefing. Subscribing after today's delivery time
/// does not send today's edition on its own (it would arrive at an hour nobody chose); it is offered with a button
/// instead. The weekly is never offered early: it comes on the chat's weekday.
/// </summary>
internal static class FirstDelivery
{
    /// <summary>
    /// The subscriber as saved: a subscription that starts now, unless it was already running with everything asked
    /// for. One start serves both editions, so adding one (the weekly to a daily) starts now: a weekly time that passed
    /// earlier today is not owed, as the first-weekly sentence says.
    /// </summary>
    public static Subscriber Starting(Subscriber subscriber, Frequency frequency, DateTimeOffset now) =>
        subscriber with
        {
            Active = true,
            Frequency = frequency,
            SubscribedAt = subscriber.Active && subscriber.Frequency != Frequency.None && (frequency & ~subscriber.Frequency) == 0
                ? subscriber.SubscribedAt
                : now,
        };

    /// <summary>"Your first weekly briefing comes on Monday at 08:00.": the next weekly time after now.</summary>
    public static string FirstWeekly(Subscriber saved, DateTimeOffset now)
    {
        var next = DeliveryTimes.NextWeekly(saved, now);
        var day = DeliveryTimes.LocalDate(saved, next) == DeliveryTimes.LocalDate(saved, now) ? "today" : $"on {saved.WeeklyDay}";
        return string.Create(CultureInfo.InvariantCulture, $"Your first weekly briefing comes {day} at {saved.DeliveryTime:HH\\:mm}.");
    }

    public static ChatReply Reply(string opening, Subscriber saved, DateTimeOffset now, bool editOriginal = false)
    {
        var text = opening + SettingsText.Describe(saved);
        if (saved.Frequency.HasFlag(Frequency.Weekly))
        {
            text += "\n\n" + FirstWeekly(saved, now);
        }
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
