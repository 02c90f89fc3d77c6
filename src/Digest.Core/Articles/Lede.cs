using System.Text;

namespace Digest.Core.Articles;

/// <summary>
/// The opening of an article: its first paragraph of plain text, joined by the next ones while it is short, at most
/// <see cref="MaxLength"/> characters. Enough to tell what a piece is about and how it is written, for a small fraction
/// of the text.
/// </summary>
public static class Lede
{
    public const int MaxLength = 400;

    /// <summary>A first paragraph shorter than this says too little alone ("We shipped 2.0."), so the next one joins it.</summary>
    public const int MinLength = 160;

    // Bylines, datelines, captions and headings are shorter than this and end without a stop.
    private const int HeadlineLength = 100;

    // More short lines than this in a row are a list, not a heading and a byline: then they are the opening.
    private const int MaxSkipped = 3;

    private const string Ellipsis = "…";

    /// <summary>The lede of a text without a known title; see <see cref="Of(string, string?, int)"/>.</summary>
    public static string Of(string text, int max = MaxLength) => Of(text, null, max);

    /// <summary>
    /// The first paragraph of <paramref name="text"/> (lines are paragraphs; runs of spaces collapsed, blank lines
    /// dropped), followed by the next ones until it holds <see cref="MinLength"/> characters. Leading lines that repeat
    /// <paramref name="title"/> (ignoring case and punctuation) are left out, and so are leading headline-like lines
    /// (short, no sentence end: a byline, a dateline) when a paragraph follows. When the opening is longer than
    /// <paramref name="max"/>, it is cut at the last sentence end that keeps at least half of what fits, else at the
    /// last word boundary, and "…" marks the cut; the result, ellipsis included, is never longer than <paramref name="max"/>.
    /// </summary>
    public static string Of(string text, string? title, int max = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        var start = Opening(text, Key(title ?? ""), max + 1);
        if (start.Length <= max)
        {
            return start;
        }
        var room = max - Ellipsis.Length;
        var sentence = SentenceEnd(start, room);
        var cut = sentence >= room / 2 ? sentence : WordEnd(start, room);
        return start[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>The paragraphs of the lede, '\n' between them, stopping once they hold <paramref name="enough"/> characters.</summary>
    private static string Opening(string text, string titleKey, int enough)
    {
        var result = new StringBuilder(Math.Min(text.Length, enough));
        var skipped = new List<string>(MaxSkipped);
        foreach (var line in Lines(text, Math.Max(enough, HeadlineLength)))
        {
            if (result.Length == 0)
            {
                if (titleKey.Length > 0 && Key(line) == titleKey)
                {
                    // The title travels beside the lede already.
                    continue;
                }
                if (IsHeadline(line))
                {
                    if (skipped.Count < MaxSkipped)
                    {
                        skipped.Add(line);
                        continue;
                    }
                    skipped.ForEach(s => Append(result, s, enough));
                }
            }
            Append(result, line, enough);
            if (result.Length >= Math.Min(MinLength, enough))
            {
                break;
            }
        }
        if (result.Length == 0)
        {
            // Nothing but short lines: they are all the opening there is.
            skipped.ForEach(s => Append(result, s, enough));
        }
        return result.ToString();
    }

    private static void Append(StringBuilder result, string line, int enough)
    {
        if (result.Length >= enough)
        {
            return;
        }
        if (result.Length > 0)
        {
            result.Append('\n');
        }
        result.Append(line.AsSpan(0, Math.Min(line.Length, Math.Max(0, enough - result.Length))));
    }

    /// <summary>The non-blank lines of the text with their whitespace runs collapsed, each cut after <paramref name="cap"/> characters.</summary>
    private static IEnumerable<string> Lines(string text, int cap)
    {
        var line = new StringBuilder();
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || line.Length >= cap)
            {
                if (line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                }
                if (c != '\n')
                {
                    // The rest of an overlong line could never be part of the lede.
                    var next = text.IndexOf('\n', i);
                    i = next >= 0 ? next : text.Length;
                }
                space = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                space = line.Length > 0;
            }
            else
            {
                if (space)
                {
                    line.Append(' ');
                    space = false;
                }
                line.Append(c);
            }
        }
        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static bool IsHeadline(string line)
    {
        if (line.Length >= HeadlineLength)
        {
            return false;
        }
        var last = line.Length - 1;
        while (last > 0 && IsCloser(line[last]))
        {
            last--;
        }
        return line[last] is not ('.' or '!' or '?' or '…' or ':') && !IsFullWidthStop(line[last]);
    }

    /// <summary>Letters and digits in lower case: "Rust 2.0 is out!" and "rust 2.0 is out" are the same title.</summary>
    private static string Key(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>
    /// The length of the longest prefix, at most <paramref name="room"/>, that ends a sentence or a paragraph; -1 when
    /// none does. A sentence ends at . ! ? (and a closing quote or bracket after it) followed by a space or a break.
    /// </summary>
    private static int SentenceEnd(string text, int room)
    {
        for (var end = Math.Min(room, text.Length - 1); end > 0; end--)
        {
            var next = text[end];
            if (next == '\n')
            {
                return end;
            }
            if (next != ' ')
            {
                if (IsFullWidthStop(text[end - 1]))
                {
                    return end;
                }
                continue;
            }
            if (end + 1 < text.Length && char.IsLower(text[end + 1]))
            {
                // "e.g. the", "approx. ten": an abbreviation inside the sentence, not its end.
                continue;
            }
            var last = end - 1;
            while (last > 0 && IsCloser(text[last]))
            {
                last--;
            }
            if (text[last] is '.' or '!' or '?' || IsFullWidthStop(text[last]))
            {
                return end;
            }
        }
        return -1;
    }

    /// <summary>The last space or break within <paramref name="room"/>, else a hard cut that splits no surrogate pair.</summary>
    private static int WordEnd(string text, int room)
    {
        // A boundary early in the text (before a long URL, say) would throw away more than a cut through the word.
        var space = text.LastIndexOfAny([' ', '\n'], room);
        if (space >= room / 2)
        {
            return space;
        }
        return char.IsHighSurrogate(text[room - 1]) ? room - 1 : room;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '”' or '’' or '»';

    // Chinese and Japanese text ends sentences without a space after them.
    private static bool IsFullWidthStop(char c) => c is '。' or '！' or '？';
}
