using System.Text.RegularExpressions;
using Digest.Core.Articles;

namespace Digest.Core.Conversation.Settings;

/// <summary>The words <see cref="SettingsGrammar"/> knows: category names and their synonyms, fillers, and what is no keyword.</summary>
internal static partial class SettingsVocabulary
{
    private static readonly Dictionary<string, Category> Synonyms = new(StringComparer.Ordinal)
    {
        ["ai"] = Category.AiMl,
        ["ml"] = Category.AiMl,
        ["llm"] = Category.AiMl,
        ["llms"] = Category.AiMl,
        ["ai/ml"] = Category.AiMl,
        ["ai / ml"] = Category.AiMl,
        ["ai ml"] = Category.AiMl,
        ["machine learning"] = Category.AiMl,
        ["artificial intelligence"] = Category.AiMl,
        ["infosec"] = Category.Security,
        ["cybersecurity"] = Category.Security,
        ["software engineering"] = Category.Engineering,
        ["tool"] = Category.Tools,
        ["tooling"] = Category.Tools,
        ["open source"] = Category.Tools,
        ["open-source"] = Category.Tools,
        ["oss"] = Category.Tools,
        ["tools / open source"] = Category.Tools,
        ["tools/open source"] = Category.Tools,
        ["opinions"] = Category.Opinion,
        ["essay"] = Category.Opinion,
        ["essays"] = Category.Opinion,
        ["opinion / essays"] = Category.Opinion,
    };

    // Weekday names and the short forms people type; a plural ("fridays") is read by dropping its s.
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday,
        ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["tue"] = DayOfWeek.Tuesday,
        ["tues"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["wed"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["thu"] = DayOfWeek.Thursday,
        ["thur"] = DayOfWeek.Thursday,
        ["thurs"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
        ["sun"] = DayOfWeek.Sunday,
    };

    // Words that end a topic without naming it: "more AI news" is more AI.
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "article", "articles", "post", "posts", "news", "stuff", "content", "story", "stories", "topic", "topics",
        "item", "items", "link", "links", "pieces", "coverage", "related", "things", "category", "section",
    };

    // A phrase holding any of these is talk, not a topic: "more than that", "less is more", "more details".
    private static readonly HashSet<string> NotKeywords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "it", "its", "this", "that", "these", "those", "them", "they", "me", "my", "you", "your",
        "i", "we", "us", "is", "are", "was", "be", "been", "like", "please", "thanks", "thank", "than", "then", "what",
        "why", "how", "who", "when", "where", "which", "do", "does", "did", "can", "could", "would", "should", "will",
        "about", "on", "in", "to", "for", "with", "and", "or", "not", "no", "yes", "ok", "okay", "more", "less", "often",
        "time", "times", "now", "today", "tomorrow", "later", "detail", "details", "info", "information", "context",
        "example", "examples", "words", "text", "one", "ones", "lol", "haha", "much", "many", "some", "any",
        "all", "everything", "nothing", "something", "other", "others", "here", "there", "again", "still",
    };

    /// <summary>At most three words of letters, digits and + # . - (c++, c#, .net, open-source).</summary>
    [GeneratedRegex(@"^[a-z0-9.][a-z0-9+#.\-]*(?: [a-z0-9.][a-z0-9+#.\-]*){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeywordShape();

    private const int MaxKeywordLength = 30;

    /// <summary>The topic a phrase names, lower case, without "the" before it or fillers after it; null when nothing is left.</summary>
    public static string? Topic(string phrase)
    {
        var words = phrase.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0] == "the")
        {
            words.RemoveAt(0);
        }
        while (words.Count > 0 && Fillers.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    public static bool TryCategory(string topic, out Category category)
    {
        if (Categories.TryParse(topic, out category) || Synonyms.TryGetValue(topic, out category))
        {
            return true;
        }
        // "security" as well as "Security", and a label as /settings shows it: "Tools / Open Source".
        foreach (var c in Categories.All)
        {
            if (string.Equals(c.Label(), topic, StringComparison.OrdinalIgnoreCase))
            {
                category = c;
                return true;
            }
        }
        return false;
    }

    public static bool IsKeyword(string topic) =>
        topic.Length <= MaxKeywordLength
        && KeywordShape().IsMatch(topic)
        && topic.Any(char.IsLetter)
        && !topic.Split(' ').Any(NotKeywords.Contains);

    /// <summary>The weekday a lower-case name or short form names, or null.</summary>
    public static DayOfWeek? Weekday(string name) => Weekdays.TryGetValue(name, out var day) ? day : null;
}
