using System.ComponentModel;
using Digest.Core.Articles;
using Digest.Core.Conversation.Settings;
using Digest.Core.Subscriptions;
using Microsoft.SemanticKernel;

namespace Digest.Llm.Settings;

/// <summary>
/// The functions the model may call to change settings. They name no chat: each call only adds a change to this
/// object, made for the one message being read, and the core applies the changes to the chat that sent it. What the
/// model passes is checked as the grammar checks what people type; what does not pass becomes a sentence saying why.
/// </summary>
internal sealed class SettingsTools
{
    private readonly List<SettingsChange> _changes = [];
    private readonly List<string> _unclear = [];

    public IReadOnlyList<SettingsChange> Changes => _changes;

    public IReadOnlyList<string> Unclear => _unclear;

    [KernelFunction("change_category")]
    [Description("Change one category: More ranks it higher (or brings it back), Less ranks it lower (or turns it off), Mute turns it off, Unmute turns it back on, Boost and Unboost add or drop its higher ranking.")]
    public string ChangeCategory(
        [Description("AiMl (AI, machine learning, LLMs), Security, Engineering, Tools (tools and open source), Opinion (essays), Other")] Category category,
        Leaning direction) => Add(new CategoryChange(direction, category));

    [KernelFunction("only_categories")]
    [Description("Keep exactly these categories and turn every other one off.")]
    public string OnlyCategories(Category[] categories) =>
        categories is { Length: > 0 } ? Add(new OnlyCategoriesChange(categories.ToHashSet())) : Refuse("Name at least one category to keep.");

    [KernelFunction("change_keyword")]
    [Description("Rank articles about a topic that is not a category higher or lower: More or Boost ranks them higher, Less or Mute leaves them out, Unboost and Unmute undo that.")]
    public string ChangeKeyword(
        [Description("The topic in one to three lower-case words, e.g. crypto, rust, kubernetes")] string keyword,
        Leaning direction) =>
        SettingsGrammar.TopicChange(direction, keyword) is { } change
            ? Add(change)
            : Refuse($"\"{Clip(keyword)}\" is not a topic I can match: use one to three plain words.");

    [KernelFunction("set_delivery_time")]
    [Description("When the daily digest arrives, in the chat's own time zone.")]
    public string SetDeliveryTime([Description("24-hour time as HH:mm, e.g. 07:30")] string time) =>
        SettingsGrammar.TimeOfDay(time) is { } at ? Add(new DeliveryTimeChange(at)) : Refuse($"\"{Clip(time)}\" is not a time of day I can read: say e.g. 7:30 or 18:00.");

    [KernelFunction("set_time_zone")]
    [Description("The chat's time zone, as an IANA id such as Europe/Berlin or America/New_York.")]
    public string SetTimeZone(string timeZone) =>
        SettingsGrammar.TimeZoneFor(timeZone) is { } zone
            ? Add(new TimeZoneChange(zone))
            : Refuse($"I don't know the time zone \"{Clip(timeZone)}\": use a name like Europe/Berlin.");

    [KernelFunction("set_top")]
    [Description("How many articles the digest carries.")]
    public string SetTop(int count) => Add(new TopChange(count));

    [KernelFunction("set_frequency")]
    [Description("Which editions the chat gets: daily (the daily digest), weekly (the weekly briefing) or both. Added keeps what it gets and adds this one.")]
    public string SetFrequency([Description("daily, weekly or both")] string frequency, bool added = false) =>
        frequency.Trim().ToLowerInvariant() switch
        {
            "daily" => Add(new FrequencyChange(Frequency.Daily, added)),
            "weekly" => Add(new FrequencyChange(Frequency.Weekly, added)),
            "both" => Add(new FrequencyChange(Frequency.Both, Added: false)),
            _ => Refuse($"\"{Clip(frequency)}\" is not an edition: say daily, weekly or both."),
        };

    [KernelFunction("set_weekly_day")]
    [Description("The weekday the weekly briefing arrives on, at the chat's delivery time in its time zone.")]
    public string SetWeeklyDay([Description("The weekday in English, e.g. Friday")] string day) =>
        SettingsGrammar.Weekday(day) is { } weekday
            ? Add(new WeeklyDayChange(weekday))
            : Refuse($"\"{Clip(day)}\" is not a weekday I can read: say e.g. Monday or Friday.");

    [KernelFunction("set_language")]
    [Description("The language the digest is written in.")]
    public string SetLanguage([Description("The language's English name, e.g. German")] string language) =>
        Add(new LanguageChange(Clip(language)));

    private string Add(SettingsChange change)
    {
        _changes.Add(change);
        return "noted";
    }

    private string Refuse(string sentence)
    {
        _unclear.Add(sentence);
        return "not applied";
    }

    /// <summary>What the model passed is the reader's words played back: short, so a reply cannot be made to carry a text.</summary>
    private static string Clip(string text) =>
        text.Length <= 40 ? text : text[..40] + "…";
}
