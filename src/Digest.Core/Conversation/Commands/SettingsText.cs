using System.Globalization;
using Digest.Core.Articles;
using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Commands;

internal static class SettingsText
{
    public static string Describe(Subscriber s)
    {
        var status = !s.Active || s.Frequency == Frequency.None
            ? "not subscribed (send /subscribe)"
            : s.Frequency switch
            {
                Frequency.Daily => "subscribed to the daily digest",
                Frequency.Weekly => "subscribed to the " + WeeklyBriefingOn(s),
                _ => "subscribed to the daily digest and the " + WeeklyBriefingOn(s),
            };
        var categories = s.Categories.Count == 0
            ? "all categories"
            : string.Join(", ", Categories.All.Where(s.Categories.Contains).Select(c => c.Label()));
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            Your settings:
            • Status: {status}
            • Delivery: {s.DeliveryTime:HH\:mm} ({s.TimeZone})
            • Articles: top {s.Top}
            • Categories: {categories}
            """);
        // Only when set: most chats never use them, and an empty line would read as something to fill in.
        if (s.Boosts.Count > 0)
        {
            text += "\n• Boosted: " + Keywords(s.Boosts);
        }
        if (s.Mutes.Count > 0)
        {
            text += "\n• Muted: " + Keywords(s.Mutes);
        }
        return text;
    }

    /// <summary>"weekly briefing on Mondays at 08:00": when the weekly comes, in the chat's zone.</summary>
    public static string WeeklyBriefingOn(Subscriber s) =>
        string.Create(CultureInfo.InvariantCulture, $"weekly briefing on {s.WeeklyDay}s at {s.DeliveryTime:HH\\:mm}");

    /// <summary>What a chat hears when its weekday changes; the sentence after says how to get it when it does not yet.</summary>
    public static string WeeklyDaySet(Subscriber s) =>
        string.Create(CultureInfo.InvariantCulture, $"The weekly briefing will come on {s.WeeklyDay}s at {s.DeliveryTime:HH\\:mm} ({s.TimeZone}).");

    /// <summary>Keywords in order, a boosted category by its label.</summary>
    public static string Keywords(IEnumerable<string> keywords) =>
        string.Join(", ", keywords.Order(StringComparer.Ordinal).Select(k => Categories.TryParse(k, out var c) ? c.Label() : k));

    public static string DeliveryAt(TimeOnly at, string timeZone) =>
        string.Create(CultureInfo.InvariantCulture, $"The digest will arrive at {at:HH\\:mm} ({timeZone}).");

    public static string TopArticles(int top) => $"Your digest will carry the top {top} articles.";

    public static string TimeZoneSet(string timeZone, TimeOnly at) =>
        string.Create(CultureInfo.InvariantCulture, $"Time zone set to {timeZone}; the digest arrives at {at:HH\\:mm} there.");
}
