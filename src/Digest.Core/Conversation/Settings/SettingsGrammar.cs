using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Core.Articles;
using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Settings;

/// <summary>
/// Reads settings said in plain words, offline: "more AI, less crypto", "no security", "only tools", "top 5",
/// "at 7:30", "my time zone is Europe/Berlin", "weekly", "weekly on fridays".
/// <para>
/// Conservative by design, since whatever it does not take goes on to questions and answers: a message with a question
/// mark, a slash command, or more than 200 characters is never a settings request, and every part of the message
/// (split at commas, semicolons, "and", "but", "then", sentence ends) must read as a setting, or none of it does.
/// "What is rust" is a question, "more than that" is talk, "I'm in a meeting" names no time zone.
/// </para>
/// <para>
/// Topics: a name that is a category (its slug, label or a synonym: AI/ML/LLM, infosec, open source, essays …) is a
/// category; anything else of at most three words is a keyword ("crypto", "rust"). A bare topic after a comma or "and"
/// takes the verb before it: "more AI and security", "only tools and security". "no X" and "only X" take categories only.
/// Several frequencies in one message add up: "daily and weekly" is both. What each change does is
/// <see cref="SettingsChanges"/>' to decide.
/// </para>
/// </summary>
public static partial class SettingsGrammar
{
    private const int MaxLength = 200;

    private static readonly string[] Areas = ["Europe", "America", "Asia", "Africa", "Australia", "Pacific", "Atlantic", "Indian"];

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\s*(?:[,;!]|\.(?=\s|$)|\b(?:and|but|then|also|plus)\b)\s*", Options)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^(?:(?:please|pls|ok|okay|so|now|i\s+want|i'd\s+like|id\s+like|i\s+would\s+like|i\s+prefer|give\s+me|show\s+me|send\s+me|let's\s+have)\s+)+", Options)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"(?:^|\s+)(?:please|pls|thanks|thank\s+you|thx)$|[.\s]+$", Options)]
    private static partial Regex TrailingCourtesy();

    [GeneratedRegex(@"^(?:(?:send|deliver)(?:\s+(?:it|me|them))?(?:\s+(?:the|my))?(?:\s+(?:digest|news))?\s+|(?:the|my)\s+digest\s+|it\s+)?(?:at|around)\s+(?<t>noon|midnight|\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?)(?:\s+(?:o'clock|sharp|instead|every\s+day|each\s+day))?$", Options)]
    private static partial Regex TimeClause();

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:.h](?<m>\d{2}))?\s*(?:(?<ap>[ap])\.?m\.?)?$", Options)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"^(?:(?:(?:top|only|just|max|at\s+most|up\s+to)\s+)?(?<n>\d{1,3})\s+(?:articles?|posts?|stories|items|links)(?:\s+(?:only|max|a\s+day|per\s+day|each\s+day))?|top\s+(?<n>\d{1,3})(?:\s+(?:only|articles?|posts?|stories|items|links))?)$", Options)]
    private static partial Regex TopClause();

    [GeneratedRegex(@"^(?:(?:set|change|switch)\s+)?(?:my\s+|the\s+)?time\s*-?zone(?:\s+(?:is|to)\s+|\s*[:=]\s*|\s+)(?<z>[a-z][a-z0-9_+\-/ ]{1,40})$", Options)]
    private static partial Regex ZoneClause();

    [GeneratedRegex(@"^(?:i'm|i\s+am|im|we're|we\s+are|i\s+live|we\s+live)\s+(?:in|based\s+in|living\s+in)\s+(?<z>[a-z][a-z_\-/ ]{1,40})$", Options)]
    private static partial Regex PlaceClause();

    [GeneratedRegex(@"^(?:(?:make\s+it|send\s+it|switch\s+to|change\s+to|it|just|only|both)\s+)?(?:the\s+)?(?<f>daily|weekly|every\s+day|every\s+week|once\s+a\s+week)(?:\s+(?:digest|briefing|edition))?(?:\s+(?:only|instead)|\s+(?<add>too|as\s+well))?$", Options)]
    private static partial Regex FrequencyClause();

    [GeneratedRegex(@"^(?:(?:send|deliver|get)(?:\s+(?:it|me|us))?\s+)?(?:the\s+|my\s+|our\s+)?weekly(?:\s+(?:digest|briefing|edition|one))?\s+(?:on|every)\s+(?<d>[a-z]{3,9})$", Options)]
    private static partial Regex WeeklyDayClause();

    [GeneratedRegex(@"^(?:only|just)\s+(?<t>.+)$|^(?<t>.+?)\s+only$", Options)]
    private static partial Regex OnlyClause();

    [GeneratedRegex(@"^(?<v>no\s+more|stop\s+sending(?:\s+me)?|hide|mute|block|filter\s+out|skip|drop|unmute|stop\s+hiding|stop\s+muting|boost|prioriti[sz]e|unboost|stop\s+boosting|more|extra|less|fewer|no)\s+(?:(?:about|on|of)\s+)?(?<t>.+)$", Options)]
    private static partial Regex VerbClause();

    /// <summary>The settings the message asks for, or null when it is not (only) a settings request.</summary>
    public static SettingsRequest? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var message = text.Trim().Replace('’', '\'');
        if (message.Length == 0 || message.Length > MaxLength || message.StartsWith('/') || message.Contains('?'))
        {
            return null;
        }
        var changes = new List<SettingsChange>();
        (Leaning Leaning, bool CategoriesOnly)? carried = null;
        var carriedOnly = false;
        foreach (var part in ClauseBreak().Split(message))
        {
            var clause = TrailingCourtesy().Replace(LeadIn().Replace(part.Trim(), ""), "").Trim();
            if (clause.Length == 0)
            {
                continue;
            }
            if (Verb(clause) is { } verb)
            {
                changes.Add(verb.Change);
                carried = (verb.Leaning, verb.CategoriesOnly);
                carriedOnly = false;
                continue;
            }
            if (Only(clause) is { } only)
            {
                changes.Add(only);
                carried = null;
                carriedOnly = true;
                continue;
            }
            if (Other(clause) is { } other)
            {
                changes.Add(other);
                carried = null;
                carriedOnly = false;
                continue;
            }
            // "more AI and security": a bare topic takes the verb of the part before it.
            if (carriedOnly && CategoryOf(clause) is { } more && changes[^1] is OnlyCategoriesChange last)
            {
                changes[^1] = new OnlyCategoriesChange(new HashSet<Category>(last.Categories) { more });
                continue;
            }
            if (carried is { } verbBefore && Topic(verbBefore.Leaning, clause, verbBefore.CategoriesOnly) is { } inherited)
            {
                changes.Add(inherited);
                continue;
            }
            return null;
        }
        return changes.Count == 0 ? null : new SettingsRequest(MergeFrequencies(changes));
    }

    private static SettingsChange? Other(string clause)
    {
        if (TimeClause().Match(clause) is { Success: true } time)
        {
            return ParseTime(time.Groups["t"].Value) is { } at ? new DeliveryTimeChange(at) : null;
        }
        if (TopClause().Match(clause) is { Success: true } top)
        {
            return new TopChange(int.Parse(top.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture));
        }
        var zoneId = ZoneClause().Match(clause) is { Success: true } zone ? ResolveZone(zone.Groups["z"].Value, place: false)
            : PlaceClause().Match(clause) is { Success: true } place ? ResolveZone(place.Groups["z"].Value, place: true)
            : null;
        if (zoneId is not null)
        {
            return new TimeZoneChange(zoneId);
        }
        if (WeeklyDayClause().Match(clause) is { Success: true } weekday)
        {
            return Weekday(weekday.Groups["d"].Value) is { } day ? new WeeklyDayChange(day) : null;
        }
        if (FrequencyClause().Match(clause) is { Success: true } frequency)
        {
            var weekly = frequency.Groups["f"].Value.Contains("week", StringComparison.OrdinalIgnoreCase);
            return new FrequencyChange(weekly ? Frequency.Weekly : Frequency.Daily, frequency.Groups["add"].Success);
        }
        return null;
    }

    private static (SettingsChange Change, Leaning Leaning, bool CategoriesOnly)? Verb(string clause)
    {
        if (VerbClause().Match(clause) is not { Success: true } match)
        {
            return null;
        }
        var verb = string.Join(' ', match.Groups["v"].Value.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // "no thanks", "no idea": a bare "no" only ever turns a category off.
        var categoriesOnly = verb == "no";
        var leaning = verb switch
        {
            "more" or "extra" => Leaning.More,
            "less" or "fewer" => Leaning.Less,
            "boost" or "prioritize" or "prioritise" => Leaning.Boost,
            "unboost" or "stop boosting" => Leaning.Unboost,
            "unmute" or "stop hiding" or "stop muting" => Leaning.Unmute,
            _ => Leaning.Mute,
        };
        return Topic(leaning, match.Groups["t"].Value, categoriesOnly) is { } change ? (change, leaning, categoriesOnly) : null;
    }

    private static OnlyCategoriesChange? Only(string clause) =>
        OnlyClause().Match(clause) is { Success: true } match && CategoryOf(match.Groups["t"].Value) is { } category
            ? new OnlyCategoriesChange(new HashSet<Category> { category })
            : null;

    /// <summary>
    /// A topic as the grammar reads one, for readers that found it elsewhere (the LLM's function calls): a category when
    /// it names one, else a keyword; null when it is neither.
    /// </summary>
    public static SettingsChange? TopicChange(Leaning leaning, string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return Topic(leaning, phrase.Trim(), categoriesOnly: false);
    }

    /// <summary>A time of day as the grammar reads one ("7:30", "7pm", "noon"); null when it is none.</summary>
    public static TimeOnly? TimeOfDay(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ParseTime(text);
    }

    /// <summary>A weekday as the grammar reads one ("friday", "Fridays", "fri"); null when it is none.</summary>
    public static DayOfWeek? Weekday(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var day = text.Trim().ToLowerInvariant();
        return SettingsVocabulary.Weekday(day) ?? (day.EndsWith('s') ? SettingsVocabulary.Weekday(day[..^1]) : null);
    }

    /// <summary>The IANA id for a zone or a city ("europe/berlin", "Tokyo"); null when nothing resolves on this machine.</summary>
    public static string? TimeZoneFor(string said)
    {
        ArgumentNullException.ThrowIfNull(said);
        return said.Trim().Length == 0 ? null : ResolveZone(said, place: false);
    }

    private static Category? CategoryOf(string phrase) =>
        SettingsVocabulary.Topic(phrase) is { } topic && SettingsVocabulary.TryCategory(topic, out var category) ? category : null;

    private static SettingsChange? Topic(Leaning leaning, string phrase, bool categoriesOnly)
    {
        if (SettingsVocabulary.Topic(phrase) is not { } topic)
        {
            return null;
        }
        if (SettingsVocabulary.TryCategory(topic, out var category))
        {
            return new CategoryChange(leaning, category);
        }
        return !categoriesOnly && SettingsVocabulary.IsKeyword(topic) ? new KeywordChange(leaning, topic) : null;
    }

    private static TimeOnly? ParseTime(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t is "noon" or "midnight")
        {
            return new TimeOnly(t == "noon" ? 12 : 0, 0);
        }
        if (ClockTime().Match(t) is not { Success: true } m)
        {
            return null;
        }
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups["ap"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }
            hour = hour % 12 + (m.Groups["ap"].Value == "p" ? 12 : 0);
        }
        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>
    /// An IANA id this machine knows for what was said: the id itself in any case ("europe/berlin"), or for a place a
    /// city under one of the areas ("new york" is America/New_York). Null when nothing resolves.
    /// </summary>
    private static string? ResolveZone(string said, bool place)
    {
        var name = said.Trim();
        var titled = string.Join('/', name.Split('/').Select(part =>
            string.Join('_', part.Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries)
                .Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()))));
        IEnumerable<string> candidates = place
            ? Areas.Select(a => $"{a}/{titled}")
            : [name, name.ToUpperInvariant(), titled];
        if (!place && !name.Contains('/'))
        {
            candidates = candidates.Concat(Areas.Select(a => $"{a}/{titled}"));
        }
        foreach (var candidate in candidates)
        {
            if (Zones.TryFind(candidate, out var zone))
            {
                return zone.Id;
            }
        }
        return null;
    }

    /// <summary>"daily and weekly" is one change to both, where the first frequency was said.</summary>
    private static List<SettingsChange> MergeFrequencies(List<SettingsChange> changes)
    {
        var frequencies = changes.OfType<FrequencyChange>().ToList();
        if (frequencies.Count < 2)
        {
            return changes;
        }
        var merged = new FrequencyChange(
            frequencies.Aggregate(Frequency.None, (all, f) => all | f.Frequency),
            frequencies.All(f => f.Added));
        var at = changes.IndexOf(frequencies[0]);
        var result = changes.Where(c => c is not FrequencyChange).ToList();
        result.Insert(Math.Min(at, result.Count), merged);
        return result;
    }
}
