using System.Globalization;
using Digest.Core.Articles;
using Digest.Core.Subscriptions;
using Digest.Llm.Chat;

namespace Digest.Llm.Settings;

/// <summary>The user message of a settings call: the reader's words and the chat's current settings, as data.</summary>
internal static class SettingsRequestMessage
{
    public static string For(string text, Subscriber current) =>
        UntrustedData.One(
            "Change this chat's settings as its message asks, or call nothing.",
            new Request(
                text.Trim(),
                new Current(
                    (current.Categories.Count == 0 ? Categories.All : Categories.All.Where(current.Categories.Contains)).Select(c => c.ToString()).ToList(),
                    [.. current.Boosts.Order(StringComparer.Ordinal)],
                    [.. current.Mutes.Order(StringComparer.Ordinal)],
                    current.Top,
                    current.DeliveryTime.ToString("HH:mm", CultureInfo.InvariantCulture),
                    current.TimeZone,
                    current.Frequency.ToString().ToLowerInvariant(),
                    current.WeeklyDay.ToString())));

    private sealed record Request(string Message, Current Settings);

    private sealed record Current(
        IReadOnlyList<string> Categories,
        IReadOnlyList<string> Boosted,
        IReadOnlyList<string> Muted,
        int Top,
        string DeliveryTime,
        string TimeZone,
        string Editions,
        string WeeklyDay);
}
