using System.Text.RegularExpressions;
using Digest.Core.Assessing.Offline;

namespace Digest.Core.Collecting;

/// <summary>
/// Splits a title into the words that name its subject. Series and template words ("postmortem", "weekly",
/// "release notes", "episode") are kept but count little, so "Postmortem: Kafka…" and "Postmortem: DNS…" differ by
/// what they are about; numbers and versions count double, so "This Week in Rust 612" and "613" stay apart.
/// </summary>
internal static partial class TitleWords
{
    private const double TemplateBoost = 0.2;
    private const double NumberBoost = 2;
    private const double NameBoost = 1.5;

    private static readonly HashSet<string> Template = new(StringComparer.Ordinal)
    {
        "postmortem", "post-mortem", "incident", "outage", "outages", "review", "report", "retrospective", "rca",
        "weekly", "monthly", "daily", "digest", "newsletter", "roundup", "round-up", "recap", "issue", "edition",
        "episode", "ep", "podcast", "show", "hn", "ask", "tell", "launch", "release", "releases", "released", "notes",
        "changelog", "version", "announcing", "introducing", "update", "updates", "news", "links", "interesting",
        "breaking", "exclusive", "opinion", "analysis", "video", "watch", "live", "guide", "tutorial", "part",
    };

    // Labels some outlets put before every headline; they say nothing about this one.
    private static readonly HashSet<string> OutletLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "breaking", "exclusive", "update", "updated", "report", "opinion", "analysis", "video", "podcast", "watch", "listen",
    };

    private static readonly string[] OutletSeparators = [" | ", " — ", " – ", " - ", " :: "];

    [GeneratedRegex(@"[\p{L}\p{N}](?:[\p{L}\p{N}.+#'\-]*[\p{L}\p{N}+#])?")]
    private static partial Regex Word();

    public static IReadOnlyList<Term> Of(string title)
    {
        var words = Word().Matches(Headline(title)).Select(m => m.Value).ToList();
        // In Title Case every word is capitalized, so capitals only mark a name in sentence-case titles.
        var sentenceCase = words.Count(w => char.IsUpper(w[0])) * 2 < words.Count;
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var lower = words[i].ToLowerInvariant();
            if (Stopwords.English.Contains(lower) || (lower.Length < 2 && !char.IsDigit(lower[0])))
            {
                continue;
            }
            var boost = BoostOf(words[i], lower, isFirst: i == 0, sentenceCase);
            var stem = WordStem.Of(lower);
            result[stem] = Math.Max(boost, result.GetValueOrDefault(stem));
        }
        return result.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new Term(kv.Key, kv.Value)).ToList();
    }

    private static double BoostOf(string word, string lower, bool isFirst, bool sentenceCase)
    {
        if (Template.Contains(lower))
        {
            return TemplateBoost;
        }
        if (word.Any(char.IsDigit))
        {
            return NumberBoost;
        }
        var innerCapital = word.Skip(1).Any(char.IsUpper);
        return innerCapital || (sentenceCase && !isFirst && char.IsUpper(word[0])) ? NameBoost : 1;
    }

    /// <summary>"Breaking: X | The Verge" → "X": an outlet's label or name is the same on all its headlines.</summary>
    public static string Headline(string title)
    {
        var colon = title.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && OutletLabels.Contains(title[..colon].Trim()))
        {
            title = title[(colon + 1)..];
        }
        foreach (var separator in OutletSeparators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && IsOutletName(title[(at + separator.Length)..]))
            {
                return title[..at];
            }
        }
        return title;
    }

    // A short tail without digits: "The Verge", "Ars Technica". A tail with a digit is a version or an issue number.
    private static bool IsOutletName(string tail) =>
        tail.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is > 0 and <= 3 && !tail.Any(char.IsDigit);
}
