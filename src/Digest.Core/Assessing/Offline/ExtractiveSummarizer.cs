namespace Digest.Core.Assessing.Offline;

/// <summary>Picks the article's own most representative sentences, in their original order.</summary>
internal static class ExtractiveSummarizer
{
    private const int MaxSentences = 5;
    private const int MaxChars = 900;

    public static string Summarize(string title, string text, IReadOnlyList<string> keywords)
    {
        var sentences = Tokenizer.Sentences(text)
            .Where(s => s.Length is >= 25 and <= 400)
            .ToList();
        if (sentences.Count == 0)
        {
            var trimmed = text.Trim();
            return trimmed.Length == 0 ? title : Truncate(trimmed, MaxChars);
        }

        var titleWords = Tokenizer.ContentWords(title).ToHashSet(StringComparer.Ordinal);
        var keywordWords = keywords.SelectMany(k => k.Split(' ')).ToHashSet(StringComparer.Ordinal);
        var chosen = sentences
            .Select((sentence, index) => (sentence, index, score: Score(sentence, index, titleWords, keywordWords)))
            .OrderByDescending(s => s.score)
            .ThenBy(s => s.index)
            .Take(MaxSentences)
            .OrderBy(s => s.index)
            .Select(s => s.sentence);

        var summary = new List<string>();
        var length = 0;
        foreach (var sentence in chosen)
        {
            if (length + sentence.Length > MaxChars && summary.Count > 0)
            {
                break;
            }
            summary.Add(sentence);
            length += sentence.Length + 1;
        }
        return Truncate(string.Join(' ', summary), MaxChars);
    }

    private static double Score(string sentence, int index, HashSet<string> titleWords, HashSet<string> keywordWords)
    {
        var words = Tokenizer.ContentWords(sentence).ToList();
        if (words.Count == 0)
        {
            return 0;
        }
        var overlap = words.Count(titleWords.Contains) * 2 + words.Count(keywordWords.Contains);
        var position = 1.0 / (1 + index * 0.3);
        return overlap / Math.Sqrt(words.Count) + position;
    }

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > 0 ? cut : max)].TrimEnd() + "…";
    }
}
