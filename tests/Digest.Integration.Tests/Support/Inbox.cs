using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Core.Subscriptions;
using Digest.TestKit.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Integration.Tests.Support;

/// <summary>What chats received on the fake Bot API server, read the way the person in the chat reads it.</summary>
public static partial class Inbox
{
    /// <summary>The parts a subscriber is owed of an edition for a local day, rendered by the app's own renderers.</summary>
    public static IReadOnlyList<MessagePart> Expected(IServiceProvider services, Edition edition, Subscriber subscriber, DateOnly day)
    {
        var parts = new SubscriberCuts(services.GetServices<IEditionRenderer>()).Render(edition, subscriber, day)?.Parts;
        Assert.NotNull(parts);
        Assert.True(parts.Count >= 2, "an edition is a chart and at least one text part");
        return parts;
    }

    /// <summary>
    /// The chat received exactly these parts: each once, in this order, nothing else — after its first
    /// <paramref name="after"/> messages (replies that came before).
    /// </summary>
    public static void ExactlyOnceInOrder(FakeTelegramServer telegram, long chat, IReadOnlyList<MessagePart> parts, int after = 0)
    {
        ArgumentNullException.ThrowIfNull(telegram);
        ExactlyOnceInOrder(telegram.Messages(chat).Skip(after), parts);
    }

    /// <summary>These messages are exactly these parts, each once, in this order.</summary>
    public static void ExactlyOnceInOrder(IEnumerable<SentTelegramMessage> received, IReadOnlyList<MessagePart> parts) =>
        Assert.Equal(Shape(parts), received.Select(m => (m.IsPhoto, m.Text)).ToList());

    /// <summary>
    /// After a crash: the chat received every part, in order, none lost; a part may repeat right after itself (a send
    /// Telegram accepted just before the crash, before it was recorded). Returns how many such repeats there were.
    /// </summary>
    public static int AllInOrderCountingRepeats(FakeTelegramServer telegram, long chat, IReadOnlyList<MessagePart> parts)
    {
        ArgumentNullException.ThrowIfNull(telegram);
        var received = telegram.Messages(chat).Select(m => (m.IsPhoto, m.Text)).ToList();
        var collapsed = received.Where((m, i) => i == 0 || m != received[i - 1]).ToList();
        Assert.Equal(Shape(parts), collapsed);
        return received.Count - collapsed.Count;
    }

    /// <summary>
    /// The local days of the daily editions a chat received, one per edition header ("AI Daily Digest — 2026-07-01"; the
    /// chart's caption repeats the title, so only text parts count).
    /// </summary>
    public static IReadOnlyList<DateOnly> EditionDates(FakeTelegramServer telegram, long chat)
    {
        ArgumentNullException.ThrowIfNull(telegram);
        return [.. telegram.Messages(chat)
            .Where(m => !m.IsPhoto)
            .Select(m => Header().Match(m.PlainText))
            .Where(m => m.Success)
            .Select(m => DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture))];
    }

    /// <summary>When each edition a chat received was composed, from its footer ("Generated at 2026-07-01 06:00", UTC).</summary>
    public static IReadOnlyList<string> GeneratedAt(FakeTelegramServer telegram, long chat)
    {
        ArgumentNullException.ThrowIfNull(telegram);
        return [.. telegram.Messages(chat).Select(m => Footer().Match(m.PlainText)).Where(m => m.Success).Select(m => m.Groups[1].Value)];
    }

    private static List<(bool IsPhoto, string Text)> Shape(IReadOnlyList<MessagePart> parts) => [.. parts.Select(p => (p.IsPhoto, p.Text))];

    [GeneratedRegex(@"AI Daily Digest — (\d{4}-\d{2}-\d{2})")]
    private static partial Regex Header();

    [GeneratedRegex(@"Generated at (\d{4}-\d{2}-\d{2} \d{2}:\d{2})")]
    private static partial Regex Footer();
}
