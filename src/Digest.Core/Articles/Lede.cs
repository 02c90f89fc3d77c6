using System.Text;

namespace Digest.Core.Articles;

/// <summary>
/// The opening of an article: its first paragraph(s) of plain text, at most <see cref="MaxLength"/> characters. Enough
/// to tell what a piece is about and how it is written, for a small fraction of the text.
/// </summary>
public static class Lede
{
    public const int MaxLength = 400;

    private const string Ellipsis = "…";

    /// <summary>
    /// Paragraphs from the start of <paramref name="text"/> ('\n' between them, runs of spaces collapsed, blank lines
    /// dropped). When the text is longer, it is cut at the last sentence end that keeps at least half of what fits, else
    /// at the last word boundary, and "…" marks the cut; the result, ellipsis included, is never longer than
    /// <paramref name="max"/>.
    /// </summary>
    public static string Of(string text, int max = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        var start = Paragraphs(text, max + 1);
        if (start.Length <= max)
        {
            return start;
        }
        var room = max - Ellipsis.Length;
        var sentence = SentenceEnd(start, room);
        var cut = sentence >= room / 2 ? sentence : WordEnd(start, room);
        return start[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>The normalized start of the text, stopping once it holds <paramref name="enough"/> characters.</summary>
    private static string Paragraphs(string text, int enough)
    {
        var result = new StringBuilder(Math.Min(text.Length, enough));
        var lineBreak = false;
        var space = false;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lineBreak = result.Length > 0;
            }
            else if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
            }
            else
            {
                if (lineBreak || space)
                {
                    result.Append(lineBreak ? '\n' : ' ');
                    lineBreak = space = false;
                }
                result.Append(c);
                if (result.Length >= enough)
                {
                    break;
                }
            }
        }
        return result.ToString();
    }

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
