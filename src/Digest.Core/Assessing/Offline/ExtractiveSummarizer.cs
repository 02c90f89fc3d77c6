using System.Collections.Frozen;
using System.Text;

namespace Digest.Core.Assessing.Offline;

/// <summary>
/// Picks the article's own most representative sentences, in their original order: whole sentences only (no
/// headings, list items or captions), none twice, never the title again.
/// </summary>
internal static class ExtractiveSummarizer
{
    private const int MaxSentences = 6;
    private const int MaxChars = 1000;
    private const int MinWords = 5;

    /// <summary>Word overlap above which two sentences say the same thing (a reordered or re-punctuated copy).</summary>
    private const double SameSentence = 0.8;

    private const int MaxAddedWords = 3;

    // Common verbs and auxiliaries. With the word endings in LooksLikeVerb this is a weak signal, but enough to
    // tell "Vega XL was designed for small teams." from "Photo credit: Jane Doe." or a stray label.
    private static readonly FrozenSet<string> Verbs = new[]
    {
        "is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "do", "does", "did", "will", "would",
        "can", "could", "may", "might", "must", "shall", "should", "say", "says", "said", "make", "made", "get",
        "got", "go", "went", "gone", "take", "took", "taken", "use", "give", "gave", "know", "knew", "known", "see",
        "saw", "seen", "come", "came", "become", "became", "run", "ran", "need", "want", "let", "put", "set", "keep",
        "kept", "find", "found", "show", "shown", "think", "thought", "tell", "told", "build", "built", "write",
        "wrote", "written", "read", "hit", "cut", "win", "won", "lose", "lost", "hold", "held", "bring", "brought",
        "buy", "bought", "pay", "paid", "sell", "sold", "leave", "left", "mean", "meant", "begin", "began", "grow",
        "grew", "fall", "fell", "rise", "rose", "ship", "add", "work", "help", "allow", "offer", "plan", "launch",
        // A subject pronoun almost always has its verb next to it, whatever that verb is.
        "i", "we", "you", "he", "she", "they", "it",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NotVerbs = new[]
    {
        "this", "thus", "its", "his", "hers", "ours", "yours", "theirs", "always", "perhaps", "news", "series",
        "during", "thing", "things", "nothing", "something", "anything", "everything",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string Summarize(string title, string text, IReadOnlyList<string> keywords)
    {
        var titleWords = WordSet(title);
        var sentences = Tokenizer.Sentences(text)
            .Select((sentence, index) => new Candidate(sentence, index, WordSet(sentence)))
            .Where(c => IsWholeSentence(c.Text) && !IsSame(c.Words, titleWords))
            .ToList();
        if (sentences.Count == 0)
        {
            return Fallback(title, titleWords, text);
        }

        var titleContent = Tokenizer.ContentWords(title).ToHashSet(StringComparer.Ordinal);
        var keywordWords = keywords.SelectMany(k => k.Split(' ')).ToHashSet(StringComparer.Ordinal);
        var ranked = sentences
            .OrderByDescending(c => Score(c, titleContent, keywordWords))
            .ThenBy(c => c.Index)
            .ToList();

        var chosen = new List<Candidate>();
        var length = 0;
        foreach (var candidate in ranked)
        {
            var cost = candidate.Text.Length + (chosen.Count > 0 ? 1 : 0);
            // A longer sentence that does not fit leaves room for a shorter one further down the ranking.
            if (length + cost > MaxChars || chosen.Any(c => IsSame(c.Words, candidate.Words)))
            {
                continue;
            }
            chosen.Add(candidate);
            length += cost;
            if (chosen.Count == MaxSentences)
            {
                break;
            }
        }
        if (chosen.Count == 0)
        {
            // Every sentence alone exceeds the budget: cut the best one, the only time a sentence is cut.
            return Truncate(ranked[0].Text, MaxChars);
        }
        return string.Join(' ', chosen.OrderBy(c => c.Index).Select(c => c.Text));
    }

    /// <summary>A sentence someone wrote, not a heading, list item, caption or a piece cut off a longer one.</summary>
    internal static bool IsWholeSentence(string sentence)
    {
        if (sentence.Length < 2 || !(char.IsLetterOrDigit(sentence[0]) || IsQuote(sentence[0])))
        {
            return false;
        }
        var end = sentence.Length - 1;
        while (end > 0 && IsQuote(sentence[end]))
        {
            end--;
        }
        // "…" and "..." mark an excerpt cut short, as feeds do with their descriptions.
        var ended = sentence[end] is '!' or '?' || (sentence[end] == '.' && sentence[end - 1] != '.');
        if (!ended)
        {
            return false;
        }
        var words = Tokenizer.Words(sentence).ToList();
        return words.Count >= MinWords && words.Any(LooksLikeVerb);
    }

    private static bool LooksLikeVerb(string word) =>
        Verbs.Contains(word)
        || (word.Length >= 4 && !NotVerbs.Contains(word) && !word.EndsWith("ss", StringComparison.Ordinal)
            && (word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal)
                || word.EndsWith('s')));

    private static bool IsQuote(char ch) => ch is '"' or '\'' or '“' or '”' or '‘' or '’' or '«' or '»' or '(' or ')';

    private static double Score(Candidate candidate, HashSet<string> titleWords, HashSet<string> keywordWords)
    {
        var words = Tokenizer.ContentWords(candidate.Text).ToList();
        if (words.Count == 0)
        {
            return 0;
        }
        var overlap = words.Count(titleWords.Contains) * 2 + words.Count(keywordWords.Contains);
        var position = 1.0 / (1 + candidate.Index * 0.3);
        return overlap / Math.Sqrt(words.Count) + position;
    }

    /// <summary>
    /// Two texts are the same sentence when their words, folded for case and punctuation, nearly coincide, or
    /// when one is the other with a few words added ("…, the firm says.").
    /// </summary>
    private static bool IsSame(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return a.Count == b.Count;
        }
        var shared = a.Count(b.Contains);
        var (smaller, larger) = a.Count <= b.Count ? (a.Count, b.Count) : (b.Count, a.Count);
        return shared / (double)(a.Count + b.Count - shared) >= SameSentence
            || (shared >= smaller * 0.9 && larger - smaller <= MaxAddedWords);
    }

    private static HashSet<string> WordSet(string text) =>
        Tokenizer.Words(text).Select(w => w.Trim('.', '-', '\'')).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>No whole sentence to show: the first lines as a run of text, else the title — never nothing.</summary>
    private static string Fallback(string title, HashSet<string> titleWords, string text)
    {
        var run = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || IsSame(WordSet(trimmed), titleWords))
            {
                continue;
            }
            if (run.Length > 0)
            {
                run.Append(' ');
            }
            run.Append(trimmed);
            // Lines end where their block ended: mark it, so a heading and the next line do not read as one.
            if (!char.IsPunctuation(trimmed[^1]))
            {
                run.Append('.');
            }
            if (run.Length > MaxChars)
            {
                break;
            }
        }
        return run.Length > 0 ? Truncate(run.ToString(), MaxChars) : title.Trim();
    }

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > 0 ? cut : max - 1)].TrimEnd() + "…";
    }

    private sealed record Candidate(string Text, int Index, HashSet<string> Words);
}
