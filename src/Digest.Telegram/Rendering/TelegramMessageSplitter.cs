using System.Globalization;
using System.Text;

namespace Digest.Telegram.Rendering;

/// <summary>
/// Packs balanced HTML blocks into messages within a length limit (as Telegram counts it). Splits between blocks;
/// a block longer than the limit is split between its top-level lines, and a line still too long is cut with "…".
/// Every message it returns is balanced on its own.
/// </summary>
public static class TelegramMessageSplitter
{
    private const string BlockSeparator = "\n\n";
    private const string LineSeparator = "\n";
    private const string Ellipsis = "…";

    public static IReadOnlyList<string> Split(IEnumerable<string> blocks, int limit)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);

        var parts = new List<string>();
        var current = new StringBuilder();
        var currentLength = 0;
        foreach (var (unit, separator) in Units(blocks, limit))
        {
            var length = TelegramHtmlText.PlainLength(unit);
            if (current.Length > 0 && currentLength + separator.Length + length <= limit)
            {
                current.Append(separator).Append(unit);
                currentLength += separator.Length + length;
                continue;
            }
            Flush(parts, current);
            // A part never starts with blank lines: they would only waste its budget.
            if (!string.IsNullOrWhiteSpace(TelegramHtmlText.ToPlainText(unit)))
            {
                current.Append(unit);
                currentLength = length;
            }
        }
        Flush(parts, current);
        return parts;
    }

    /// <summary>
    /// Cuts balanced HTML to at most <paramref name="limit"/> characters of parsed text, ending in "…":
    /// never inside a tag, an entity or a grapheme, and closing every tag left open.
    /// </summary>
    public static string Truncate(string html, int limit)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (TelegramHtmlText.PlainLength(html) <= limit)
        {
            return html;
        }

        var budget = limit - 1;
        var sb = new StringBuilder();
        var open = new Stack<string>();
        var count = 0;
        for (var i = 0; i < html.Length;)
        {
            var close = html[i] == '<' ? html.IndexOf('>', i) : -1;
            if (close > 0)
            {
                var tag = html[i..(close + 1)];
                if (tag.StartsWith("</", StringComparison.Ordinal))
                {
                    open.TryPop(out _);
                }
                else
                {
                    open.Push(TagName(tag));
                }
                sb.Append(tag);
                i = close + 1;
                continue;
            }

            int tokenLength;
            int plain;
            if (html[i] == '&' && TelegramHtmlText.TryDecodeEntity(html, i, out var decoded, out var entityLength))
            {
                tokenLength = entityLength;
                plain = TelegramHtmlText.CodePoints(decoded);
            }
            else
            {
                tokenLength = TextElementLength(html, i);
                plain = TelegramHtmlText.CodePoints(html.Substring(i, tokenLength));
            }
            if (count + plain > budget)
            {
                break;
            }
            sb.Append(html, i, tokenLength);
            count += plain;
            i += tokenLength;
        }

        TrimTrailingWhitespace(sb);
        sb.Append(Ellipsis);
        while (open.Count > 0)
        {
            sb.Append("</").Append(open.Pop()).Append('>');
        }
        return sb.ToString();
    }

    private static IEnumerable<(string Unit, string Separator)> Units(IEnumerable<string> blocks, int limit)
    {
        foreach (var block in blocks)
        {
            if (TelegramHtmlText.PlainLength(block) <= limit)
            {
                yield return (block, BlockSeparator);
                continue;
            }
            var separator = BlockSeparator;
            foreach (var line in TopLevelLines(block))
            {
                yield return (Truncate(line, limit), separator);
                separator = LineSeparator;
            }
        }
    }

    /// <summary>Splits at line breaks outside any tag's content, so each line stays balanced.</summary>
    private static IEnumerable<string> TopLevelLines(string block)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < block.Length; i++)
        {
            if (block[i] == '<' && block.IndexOf('>', i) is var close and > 0)
            {
                depth += i + 1 < block.Length && block[i + 1] == '/' ? -1 : 1;
                i = close;
            }
            else if (block[i] == '\n' && depth == 0)
            {
                yield return block[start..i];
                start = i + 1;
            }
        }
        yield return block[start..];
    }

    private static void Flush(List<string> parts, StringBuilder current)
    {
        TrimTrailingWhitespace(current);
        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }
        current.Clear();
    }

    private static void TrimTrailingWhitespace(StringBuilder sb)
    {
        while (sb.Length > 0 && char.IsWhiteSpace(sb[^1]))
        {
            sb.Length--;
        }
    }

    private static string TagName(string tag)
    {
        var end = tag.AsSpan(1).IndexOfAny(' ', '>');
        return tag.Substring(1, end);
    }

    // A whole grapheme, so a flag, a skin-toned emoji or an accent is never cut in half.
    private static int TextElementLength(string html, int index)
    {
        var length = StringInfo.GetNextTextElementLength(html, index);
        var markup = html.AsSpan(index, length).IndexOfAny('<', '&');
        return markup > 0 ? markup : Math.Max(1, length);
    }
}
