using Digest.Core.Articles;
using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Settings;

/// <summary>The changes one message asks for, in the order it said them.</summary>
public sealed record SettingsRequest(IReadOnlyList<SettingsChange> Changes);

/// <summary>One change to a chat's settings, as <see cref="SettingsGrammar"/> read it.</summary>
public abstract record SettingsChange;

/// <summary>What a message says about a category or a keyword.</summary>
public enum Leaning
{
    /// <summary>"more X": a step up (an off category comes back, a muted keyword is unmuted, else it ranks higher).</summary>
    More,

    /// <summary>"less X": a step down (a boost is dropped, else the category is off or the keyword muted).</summary>
    Less,

    /// <summary>"boost X": ranks higher, whatever it was.</summary>
    Boost,

    /// <summary>"mute X", "no X": left out, whatever it was.</summary>
    Mute,

    /// <summary>"unboost X": no longer ranks higher.</summary>
    Unboost,

    /// <summary>"unmute X": no longer left out.</summary>
    Unmute,
}

public sealed record CategoryChange(Leaning Leaning, Category Category) : SettingsChange;

/// <summary>"only tools and security": exactly these categories.</summary>
public sealed record OnlyCategoriesChange(IReadOnlySet<Category> Categories) : SettingsChange;

/// <summary>A lower-case keyword, matched against articles' titles, keywords and tags.</summary>
public sealed record KeywordChange(Leaning Leaning, string Keyword) : SettingsChange;

public sealed record DeliveryTimeChange(TimeOnly At) : SettingsChange;

/// <summary>As said: the range is checked when applied, so "top 50" gets an answer rather than silence.</summary>
public sealed record TopChange(int Top) : SettingsChange;

/// <summary>An IANA id that resolved on this machine.</summary>
public sealed record TimeZoneChange(string TimeZone) : SettingsChange;

/// <summary>"weekly on fridays": the local weekday the weekly briefing comes on, at the chat's delivery time.</summary>
public sealed record WeeklyDayChange(DayOfWeek Day) : SettingsChange;

/// <param name="Added">"weekly too": added to what the chat gets rather than replacing it.</param>
public sealed record FrequencyChange(Frequency Frequency, bool Added) : SettingsChange;

/// <summary>A language asked for. Every chat gets the digest in the edition's language for now, so this is answered, not applied.</summary>
public sealed record LanguageChange(string Language) : SettingsChange;
