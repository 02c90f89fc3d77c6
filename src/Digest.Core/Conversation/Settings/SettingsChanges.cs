using Digest.Core.Articles;
using Digest.Core.Conversation.Commands;
using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Settings;

/// <summary>The subscriber with the changes made, and one plain sentence per change saying what it did (or why not).</summary>
public sealed record SettingsOutcome(Subscriber Subscriber, IReadOnlyList<string> Confirmations)
{
    public string Text => string.Join('\n', Confirmations);
}

/// <summary>
/// Applies a <see cref="SettingsRequest"/>, change by change, in the order said.
/// <para>
/// Categories (no categories stored means all): "only X" keeps X alone; "no X" turns X off (from all: all but X) and
/// drops its boost; "less X" first drops a boost of X, and turns X off when there is none; "more X" turns an off X back
/// on, and when X is already on (as every category is with all) boosts it: its articles rank higher. The last category
/// is never turned off. Keywords: "more k" unmutes a muted k, else boosts it; "less k" drops a boost of k, else mutes it
/// (muted: its articles are left out); "boost", "mute", "unboost", "unmute" do just that. At most
/// <see cref="Subscriber.MaxKeywords"/> of each. Frequency changes only an active subscription; /subscribe starts one.
/// The weekly's weekday is kept whatever the chat gets, so it holds once the weekly is added.
/// </para>
/// </summary>
public static class SettingsChanges
{
    public static SettingsOutcome Apply(Subscriber subscriber, SettingsRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(request);
        var said = new List<string>(request.Changes.Count);
        foreach (var change in request.Changes)
        {
            (subscriber, var sentence) = change switch
            {
                CategoryChange c => Category(subscriber, c.Leaning, c.Category),
                OnlyCategoriesChange o => Only(subscriber, o.Categories),
                KeywordChange k => Keyword(subscriber, k.Leaning, k.Keyword),
                DeliveryTimeChange t => (subscriber with { DeliveryTime = t.At }, SettingsText.DeliveryAt(t.At, subscriber.TimeZone)),
                TopChange t => Top(subscriber, t.Top),
                TimeZoneChange z => (subscriber with { TimeZone = z.TimeZone }, SettingsText.TimeZoneSet(z.TimeZone, subscriber.DeliveryTime)),
                FrequencyChange f => Frequencies(subscriber, f, now),
                WeeklyDayChange w => Weekday(subscriber, w.Day),
                // Write-ups are written once per article, in one language; a language per chat would write each again.
                LanguageChange l => (subscriber, $"Every chat gets the digest in the same language for now, so I can't switch yours to {l.Language}."),
                _ => throw new ArgumentOutOfRangeException(nameof(request), change, "Unknown settings change."),
            };
            said.Add(sentence);
        }
        return new SettingsOutcome(subscriber, said);
    }

    private static (Subscriber, string) Category(Subscriber s, Leaning leaning, Category category)
    {
        var label = category.Label();
        var slug = category.Slug();
        var on = s.Categories.Count == 0 || s.Categories.Contains(category);
        var boosted = s.Boosts.Contains(slug);
        switch (leaning)
        {
            case Leaning.More or Leaning.Boost or Leaning.Unmute when !on:
                return (s with { Categories = Stored(Effective(s.Categories).Append(category)) }, $"{label} is back in your digest.");
            case Leaning.Unmute:
                return (s, $"{label} is already in your digest.");
            case Leaning.More or Leaning.Boost when boosted:
                return (s, $"{label} already ranks higher.");
            case Leaning.More or Leaning.Boost:
                return s.Boosts.Count >= Subscriber.MaxKeywords
                    ? (s, Full("boost", "unboost"))
                    : (s with { Boosts = With(s.Boosts, slug) }, $"More {label}: its articles now rank higher.");
            case Leaning.Less or Leaning.Unboost when boosted:
                return (s with { Boosts = Without(s.Boosts, slug) }, $"{label} no longer ranks higher.");
            case Leaning.Unboost:
                return (s, $"{label} was not ranked higher.");
            case Leaning.Less or Leaning.Mute when !on:
                return (s with { Boosts = Without(s.Boosts, slug) }, $"{label} is already off.");
            default:
                var left = Effective(s.Categories).Where(c => c != category).ToList();
                if (left.Count == 0)
                {
                    return (s, $"{label} is the only category left, so it stays: keep at least one.");
                }
                return (s with { Categories = Stored(left), Boosts = Without(s.Boosts, slug) }, $"{label} is off.");
        }
    }

    private static (Subscriber, string) Only(Subscriber s, IReadOnlySet<Category> categories)
    {
        var labels = string.Join(" and ", Categories.All.Where(categories.Contains).Select(c => c.Label()));
        return (s with { Categories = Stored(categories) }, $"Only {labels} from now on.");
    }

    private static (Subscriber, string) Keyword(Subscriber s, Leaning leaning, string keyword)
    {
        var boosted = s.Boosts.Contains(keyword);
        var muted = s.Mutes.Contains(keyword);
        switch (leaning)
        {
            case Leaning.More when muted:
            case Leaning.Unmute when muted:
                return (s with { Mutes = Without(s.Mutes, keyword) }, $"Articles about {keyword} are back in your digest.");
            case Leaning.Unmute:
                return (s, $"{Capital(keyword)} was not muted.");
            case Leaning.Less when boosted:
            case Leaning.Unboost when boosted:
                return (s with { Boosts = Without(s.Boosts, keyword) }, $"Articles about {keyword} no longer rank higher.");
            case Leaning.Unboost:
                return (s, $"{Capital(keyword)} was not boosted.");
            case Leaning.More or Leaning.Boost:
                if (boosted)
                {
                    return (s, $"Articles about {keyword} already rank higher.");
                }
                return s.Boosts.Count >= Subscriber.MaxKeywords
                    ? (s, Full("boost", "unboost"))
                    : (s with { Boosts = With(s.Boosts, keyword), Mutes = Without(s.Mutes, keyword) },
                        $"More {keyword}: articles about {keyword} now rank higher.");
            default:
                if (muted)
                {
                    return (s, $"Articles about {keyword} are already left out.");
                }
                return s.Mutes.Count >= Subscriber.MaxKeywords
                    ? (s, Full("mute", "unmute"))
                    : (s with { Mutes = With(s.Mutes, keyword), Boosts = Without(s.Boosts, keyword) },
                        $"{(leaning == Leaning.Less ? "Less" : "Muted")} {keyword}: articles about {keyword} are now left out of your digest.");
        }
    }

    private static (Subscriber, string) Top(Subscriber s, int top) =>
        top is >= 1 and <= TopCommand.Max
            ? (s with { Top = top }, SettingsText.TopArticles(top))
            : (s, $"A digest carries 1 to {TopCommand.Max} articles, so yours stays at the top {s.Top}.");

    private static (Subscriber, string) Frequencies(Subscriber s, FrequencyChange change, DateTimeOffset now)
    {
        var frequency = change.Added ? s.Frequency | change.Frequency : change.Frequency;
        if (!s.Active || s.Frequency == Frequency.None)
        {
            // Subscribing has its own welcome (first delivery, today's digest offered): leave it to /subscribe.
            return (s, $"You are not subscribed yet: send /subscribe {Word(frequency)} to start.");
        }
        var sentence = frequency switch
        {
            Frequency.Daily => "You'll get the daily digest.",
            Frequency.Weekly => "You'll get the weekly briefing only.",
            _ => "You'll get the daily digest and the weekly briefing.",
        };
        var changed = FirstDelivery.Starting(s, frequency, now);
        // Someone new to the weekly hears when it first comes, so nobody waits for it in silence.
        if (frequency.HasFlag(Frequency.Weekly) && !s.Frequency.HasFlag(Frequency.Weekly))
        {
            sentence += " " + FirstDelivery.FirstWeekly(changed, now);
        }
        return (changed, sentence);
    }

    private static (Subscriber, string) Weekday(Subscriber s, DayOfWeek day)
    {
        var changed = s with { WeeklyDay = day };
        var sentence = SettingsText.WeeklyDaySet(changed);
        if (!s.Active || s.Frequency == Frequency.None)
        {
            return (changed, $"{sentence} Send /subscribe weekly to get it.");
        }
        return s.Frequency.HasFlag(Frequency.Weekly) ? (changed, sentence) : (changed, $"{sentence} Say \"weekly too\" to get it as well.");
    }

    private static string Word(Frequency frequency) => frequency switch
    {
        Frequency.Daily => "daily",
        Frequency.Weekly => "weekly",
        _ => "both",
    };

    private static string Full(string verb, string undo) =>
        $"You already {verb} {Subscriber.MaxKeywords} keywords: {undo} one first (say \"{undo} <keyword>\").";

    private static string Capital(string keyword) => char.ToUpperInvariant(keyword[0]) + keyword[1..];

    private static HashSet<Category> Effective(IReadOnlySet<Category> stored) => stored.Count == 0 ? [.. Categories.All] : [.. stored];

    /// <summary>Every category on is stored as "all", so categories added later are included too (as /categories does).</summary>
    private static IReadOnlySet<Category> Stored(IEnumerable<Category> categories)
    {
        var set = categories.ToHashSet();
        return set.Count == Categories.All.Count ? new HashSet<Category>() : set;
    }

    private static IReadOnlySet<string> With(IReadOnlySet<string> keywords, string keyword) =>
        new HashSet<string>(keywords, StringComparer.Ordinal) { keyword };

    private static IReadOnlySet<string> Without(IReadOnlySet<string> keywords, string keyword)
    {
        if (!keywords.Contains(keyword))
        {
            return keywords;
        }
        var left = keywords.Where(k => k != keyword).ToHashSet(StringComparer.Ordinal);
        return left.Count == 0 ? Subscriber.NoKeywords : left;
    }
}
