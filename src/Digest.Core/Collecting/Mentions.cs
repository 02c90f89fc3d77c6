using Digest.Core.Assessing.Offline;

namespace Digest.Core.Collecting;

/// <summary>
/// The names and numbers an article mentions in its headline and body ("Lip-Bu Tan", "Cadence", "$68.1 billion").
/// Outlets that paraphrase a story change its sentences but keep these, so they link retellings that share few
/// shingles; weighted by rarity, "Google" or "AI" alone says little.
/// </summary>
internal static class Mentions
{
    private const double NumberBoost = 1.5;

    // A handful of names and numbers pins an event down; one or two ("Google", "2026") do not.
    private const double EnoughMentions = 4;

    /// <summary>How far two articles' mentions can be trusted: as far as the one that mentions fewer has enough.</summary>
    public static double Confidence(IReadOnlyList<Term> a, IReadOnlyList<Term> b) =>
        Math.Min(1, Math.Min(a.Count, b.Count) / EnoughMentions);

    /// <summary>The names and numbers of the headline (outlet decoration removed) and the body.</summary>
    public static IReadOnlyList<Term> Of(string title, string body)
    {
        var text = TitleWords.Headline(title) + ". " + body;
        // Only words with a capital or a digit can be mentions: they are noted by position, the rest never leave the text.
        var marked = new List<(int Start, int Length, bool AtSentenceStart)>();
        var scanner = new WordScanner(text, curlyApostrophe: true);
        while (scanner.MoveNext())
        {
            if (WordScanner.ClockTimeAt(text, scanner.Start) is > 0 and var clock)
            {
                scanner.SkipTo(scanner.Start + clock);
            }
            var word = scanner.Current;
            if (char.IsUpper(word[0]) || word.ContainsAnyInRange('0', '9') || HasUpperAfterFirst(word))
            {
                marked.Add((scanner.Start, scanner.Length, StartsSentence(text, scanner.Start)));
            }
        }
        // A capital at the start of a sentence proves nothing, unless the word is capitalized elsewhere too.
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (start, length, atSentenceStart) in marked)
        {
            if (!atSentenceStart && char.IsUpper(text[start]))
            {
                names.Add(text.Substring(start, length));
            }
        }
        var namesLookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (start, length, atSentenceStart) in marked)
        {
            var word = text.AsSpan(start, length);
            var hasDigit = word.ContainsAnyInRange('0', '9');
            var isName = HasUpperAfterFirst(word) || (char.IsUpper(word[0]) && (!atSentenceStart || namesLookup.Contains(word)));
            var key = Possessive(word.ToString()).ToLowerInvariant();
            if ((hasDigit || isName) && key.Length >= 2 && !Stopwords.English.Contains(key))
            {
                result[key] = hasDigit ? NumberBoost : 1;
            }
        }
        return result.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new Term(kv.Key, kv.Value)).ToList();
    }

    private static bool HasUpperAfterFirst(ReadOnlySpan<char> word)
    {
        foreach (var c in word[1..])
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }
        return false;
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
