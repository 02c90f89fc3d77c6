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
                Frequency.Weekly => "subscribed to the weekly briefing",
                _ => "subscribed to the daily digest and the weekly briefing",
            };
        var categories = s.Categories.Count == 0
            ? "all categories"
            : string.Join(", ", Categories.All.Where(s.Categories.Contains).Select(c => c.Label()));
        return string.Create(CultureInfo.InvariantCulture, $"""
            Your settings:
            • Status: {status}
            • Delivery: {s.DeliveryTime:HH\:mm} ({s.TimeZone})
            • Articles: top {s.Top}
            • Categories: {categories}
            """);
    }
}
