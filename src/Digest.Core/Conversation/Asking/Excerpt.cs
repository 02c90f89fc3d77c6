using System.Text;
using Digest.Core.Assessing.Offline;

namespace Digest.Core.Conversation.Asking;

/// <summary>
/// The part of an article an answer needs: the sentences that match the question best, then the sentences next to
/// them for context, in the article's order, with "…" where text was left out (a new line at each gap).
/// </summary>
internal static class Excerpt
{
    // A line break at each gap keeps the sentences on either side apart for whoever splits the excerpt again.
    private const string Gap = "\n… ";

    public static string Around(string text, QuestionWords words, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = Tokenizer.Sentences(text);
        if (sentences.Count == 0)
        {
            return "";
        }
        var scores = sentences.Select(words.Overlap).ToArray();
        var chosen = new SortedSet<int>();
        var length = 0;
        bool TryAdd(int i)
        {
            if (i < 0 || i >= sentences.Count || chosen.Contains(i))
            {
                return true;
            }
            // Every separator counted as a gap, and one more for the marks at both ends, keeps the result within max.
            var cost = sentences[i].Length + Gap.Length;
            if (length + cost + 1 > max)
            {
                return false;
            }
            chosen.Add(i);
            length += cost;
            return true;
        }

        var matching = Enumerable.Range(0, sentences.Count).Where(i => scores[i] > 0).OrderByDescending(i => scores[i]).ThenBy(i => i).ToList();
        matching.ForEach(i => TryAdd(i));
        if (chosen.Count == 0)
        {
            // Nothing matches (the article was pointed at, or matched by a word form we do not stem): its opening.
            var next = 0;
            while (next < sentences.Count && TryAdd(next))
            {
                next++;
            }
        }
        else
        {
            foreach (var i in chosen.ToList())
            {
                TryAdd(i - 1);
                TryAdd(i + 1);
            }
        }
        if (chosen.Count == 0)
        {
            return Clip(sentences[matching.Count > 0 ? matching[0] : 0], max);
        }
        return Join(sentences, chosen);
    }

    private static string Join(IReadOnlyList<string> sentences, SortedSet<int> chosen)
    {
        var result = new StringBuilder();
        var previous = -1;
        foreach (var i in chosen)
        {
            if (previous >= 0)
            {
                result.Append(i == previous + 1 ? " " : Gap);
            }
            else if (i > 0)
            {
                result.Append("… ");
            }
            result.Append(sentences[i]);
            previous = i;
        }
        if (previous < sentences.Count - 1)
        {
            result.Append(" …");
        }
        return result.ToString();
    }

    /// <summary>One sentence longer than the whole budget: cut at a word boundary.</summary>
    internal static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 2);
        var end = cut > max / 2 ? cut : max - 1;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }
        return text[..end].TrimEnd() + "…";
    }
}
