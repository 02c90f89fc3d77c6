using System.Text.RegularExpressions;

namespace Digest.Core.Assessing.Offline;

internal static partial class Tokenizer
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopwordLookup =
        Stopwords.English.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    // A closing quote or bracket may follow the end mark: 'He said "yes." Then' is two sentences.
    [GeneratedRegex(@"(?<=[.!?][""”’)\]]?)\s+(?=[\p{Lu}\p{N}""“‘(])")]
    private static partial Regex SentenceBreak();

    public static IEnumerable<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var word in new WordScanner(text))
        {
            words.Add(word.ToString().ToLowerInvariant());
        }
        return words;
    }

    /// <summary>Whether a lower-case word can carry meaning: see <see cref="ContentWords"/>.</summary>
    public static bool IsContentWord(ReadOnlySpan<char> word) =>
        word.Length >= 2 && !StopwordLookup.Contains(word) && word.ContainsAnyExcept(Digits);

    /// <summary>Words that can carry meaning: not stopwords, not bare numbers, at least two characters.</summary>
    public static IEnumerable<string> ContentWords(string text) => Words(text).Where(w => IsContentWord(w));

    /// <summary>
    /// Sentences, each within one line: a line break always ends a sentence, because the text's lines come from
    /// blocks (list items, headings, paragraphs) and gluing them would make sentences no one wrote.
    /// </summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        text.Split('\n')
            .SelectMany(line => SentenceBreak().Split(line))
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .ToList();
}
