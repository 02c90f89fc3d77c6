using System.Text.RegularExpressions;
using Digest.Core.Assessing.Offline;

namespace Digest.Core.Collecting;

/// <summary>
/// The names and numbers an article mentions in its headline and body ("Lip-Bu Tan", "Cadence", "$68.1 billion").
/// Outlets that paraphrase a story change its sentences but keep these, so they link retellings that share few
/// shingles; weighted by rarity, "Google" or "AI" alone says little.
/// </summary>
internal static partial class Mentions
{
    private const double NumberBoost = 1.5;

    // A handful of names and numbers pins an event down; one or two ("Google", "2026") do not.
    private const double EnoughMentions = 4;

    // A clock time ("09:12") is one mention, not two numbers.
    [GeneratedRegex(@"\d{1,2}:\d{2}|[\p{L}\p{N}](?:[\p{L}\p{N}.+#'’\-]*[\p{L}\p{N}+#])?")]
    private static partial Regex Word();

    /// <summary>How far two articles' mentions can be trusted: as far as the one that mentions fewer has enough.</summary>
    public static double Confidence(IReadOnlyList<Term> a, IReadOnlyList<Term> b) =>
        Math.Min(1, Math.Min(a.Count, b.Count) / EnoughMentions);

    /// <summary>The names and numbers of the headline (outlet decoration removed) and the body.</summary>
    public static IReadOnlyList<Term> Of(string title, string body)
    {
        var text = TitleWords.Headline(title) + ". " + body;
        var words = Word().Matches(text)
            .Select(m => (Text: m.Value, AtSentenceStart: StartsSentence(text, m.Index)))
            .ToList();
        // A capital at the start of a sentence proves nothing, unless the word is capitalized elsewhere too.
        var names = words
            .Where(w => !w.AtSentenceStart && char.IsUpper(w.Text[0]))
            .Select(w => w.Text)
            .ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (word, atSentenceStart) in words)
        {
            var hasDigit = word.Any(char.IsDigit);
            var isName = word.Skip(1).Any(char.IsUpper) || (char.IsUpper(word[0]) && (!atSentenceStart || names.Contains(word)));
            var key = Possessive(word).ToLowerInvariant();
            if ((hasDigit || isName) && key.Length >= 2 && !Stopwords.English.Contains(key))
            {
                result[key] = hasDigit ? NumberBoost : 1;
            }
        }
        return result.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new Term(kv.Key, kv.Value)).ToList();
    }

    private static bool StartsSentence(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '“' or '‘' or '(' or '\''))
        {
            i--;
        }
        return i < 0 || text[i] is '.' or '!' or '?' or ':' or '…';
    }

    private static string Possessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;
}
