using System.Text.RegularExpressions;

namespace Digest.Core.Assessing.Offline;

internal static partial class Tokenizer
{
    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}+#.\-']*[\p{L}\p{N}+#]|[\p{L}\p{N}]")]
    private static partial Regex Word();

    // A closing quote or bracket may follow the end mark: 'He said "yes." Then' is two sentences.
    [GeneratedRegex(@"(?<=[.!?][""”’)\]]?)\s+(?=[\p{Lu}\p{N}""“‘(])")]
    private static partial Regex SentenceBreak();

    public static IEnumerable<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant().TrimEnd('.', '\''));

    /// <summary>Words that can carry meaning: not stopwords, not bare numbers, at least two characters.</summary>
    public static IEnumerable<string> ContentWords(string text) =>
        Words(text).Where(w => w.Length >= 2 && !Stopwords.English.Contains(w) && !w.All(char.IsDigit));

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
