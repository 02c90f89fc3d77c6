using System.Text;

namespace Digest.Discord.Rendering;

/// <summary>
/// Packs Markdown blocks (an article, a section of the overview) into messages within a length limit, splitting only
/// between blocks. Lengths are UTF-16 code units: never fewer than the characters Discord counts, so always safe.
/// A block longer than the limit on its own is shortened at a word with "…", never inside a link, bold text or a code block.
/// </summary>
public static class DiscordMessageSplitter
{
    private const string BlockSeparator = "\n\n";
    private const string Ellipsis = "…";
    private const string Fence = "```";
    private const int MinShortenedLine = 80;

    public static IReadOnlyList<string> Split(IEnumerable<string> blocks, int limit)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);

        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in blocks)
        {
            var block = Truncate(raw.Trim(), limit);
            if (block.Length == 0)
            {
                continue;
            }
            if (current.Length > 0 && current.Length + BlockSeparator.Length + block.Length <= limit)
            {
                current.Append(BlockSeparator).Append(block);
                continue;
            }
            Flush(parts, current);
            current.Append(block);
        }
        Flush(parts, current);
        return parts;
    }

    /// <summary>
    /// The Markdown within <paramref name="limit"/> characters: its longest line (a summary) shortened when that is
    /// enough, else the whole cut; either at the last whitespace outside every masked link, bold span and code block,
    /// ending in "…" (just "…" when no such place fits).
    /// </summary>
    public static string Truncate(string markdown, int limit)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (markdown.Length <= limit)
        {
            return markdown;
        }
        return ShortenLongestLine(markdown, limit) ?? Cut(markdown, limit);
    }

    // An article is over the limit because of its summary, not its title or facts: shortening that one line keeps
    // the link, facts, "why" and tags lines whole. Links and bold never span lines, so one line can be cut on its own.
    private static string? ShortenLongestLine(string markdown, int limit)
    {
        var lines = markdown.Split('\n');
        var longest = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length > lines[longest].Length)
            {
                longest = i;
            }
        }
        var room = lines[longest].Length - (markdown.Length - limit);
        if (lines.Length == 1 || room < MinShortenedLine)
        {
            return null;
        }
        lines[longest] = Cut(lines[longest], room);
        return string.Join('\n', lines);
    }

    private static string Cut(string markdown, int limit) =>
        markdown[..LastSafeCut(markdown, limit - Ellipsis.Length)].TrimEnd() + Ellipsis;

    // Walks the text as Discord would read our own markup: an unescaped '[' opens a link that ends at ">)" (untrusted
    // text has every bracket escaped and URLs have them encoded), "**" toggles bold, a fence toggles a code block.
    private static int LastSafeCut(string markdown, int budget)
    {
        var lastCut = 0;
        var inLink = false;
        var inBold = false;
        var inCode = false;
        for (var i = 0; i <= budget && i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (inCode)
            {
                if (At(markdown, i, Fence))
                {
                    inCode = false;
                    i += Fence.Length - 1;
                }
                continue;
            }
            if (c == '\\')
            {
                i++;
            }
            else if (At(markdown, i, Fence))
            {
                inCode = true;
                i += Fence.Length - 1;
            }
            else if (inLink)
            {
                if (At(markdown, i, ">)"))
                {
                    inLink = false;
                    i++;
                }
            }
            else if (c == '[')
            {
                inLink = true;
            }
            else if (At(markdown, i, "**"))
            {
                inBold = !inBold;
                i++;
            }
            else if (char.IsWhiteSpace(c) && !inBold)
            {
                lastCut = i;
            }
        }
        return lastCut;
    }

    private static bool At(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    private static void Flush(List<string> parts, StringBuilder current)
    {
        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }
        current.Clear();
    }
}
