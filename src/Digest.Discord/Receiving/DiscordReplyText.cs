using System.Text;
using System.Text.RegularExpressions;
using Digest.Discord.Rendering;

namespace Digest.Discord.Receiving;

/// <summary>
/// A reply's plain text → Discord messages: every character literal (no Markdown, no mentions), http(s) links kept
/// clickable as &lt;url&gt; (which also keeps them from unfurling), split between lines into messages of at most
/// <see cref="MaxLength"/> characters; only a line longer than that on its own is split between words.
/// </summary>
internal static partial class DiscordReplyText
{
    public const int MaxLength = 2000;

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RawLink();

    public static IReadOnlyList<string> Format(string text, int limit = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 16);
        var lines = text.ReplaceLineEndings("\n").Split('\n').SelectMany(line => Line(line, limit));
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in lines)
        {
            if (current.Length > 0 && current.Length + 1 + line.Length > limit)
            {
                Flush(parts, current);
            }
            if (current.Length > 0)
            {
                current.Append('\n');
            }
            current.Append(line);
        }
        Flush(parts, current);
        return parts;
    }

    /// <summary>One line of text as Markdown lines within the limit: itself, or its words packed into several.</summary>
    private static IEnumerable<string> Line(string line, int limit)
    {
        var rendered = Render(line);
        if (rendered.Length <= limit)
        {
            return [rendered];
        }
        var pieces = new List<string>();
        var current = new StringBuilder();
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(w => Pieces(w, limit)))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > limit)
            {
                pieces.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0)
            {
                current.Append(' ');
            }
            current.Append(word);
        }
        if (current.Length > 0)
        {
            pieces.Add(current.ToString());
        }
        return pieces;
    }

    /// <summary>A word rendered; one that is still too long is cut raw, where escaping at most doubles its length.</summary>
    private static IEnumerable<string> Pieces(string word, int limit)
    {
        var rendered = Render(word);
        if (rendered.Length <= limit)
        {
            yield return rendered;
            yield break;
        }
        var size = (limit / 2) - 1;
        var start = 0;
        while (start < word.Length)
        {
            var length = Math.Min(size, word.Length - start);
            // Never leave half of a surrogate pair behind.
            if (start + length < word.Length && char.IsHighSurrogate(word[start + length - 1]))
            {
                length--;
            }
            yield return DiscordMarkdownText.Escape(word.Substring(start, length));
            start += length;
        }
    }

    /// <summary>The text escaped, with its links as &lt;url&gt;: clickable, with no preview, nothing in them read as Markdown.</summary>
    public static string Render(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        var at = 0;
        foreach (Match match in RawLink().Matches(text))
        {
            var url = WithoutTrailingPunctuation(match.Value);
            if (DiscordMarkdownText.SafeUrl(url) is not { } safe)
            {
                continue;
            }
            sb.Append(DiscordMarkdownText.Escape(text[at..match.Index])).Append('<').Append(safe).Append('>');
            at = match.Index + url.Length;
        }
        return sb.Append(DiscordMarkdownText.Escape(text[at..])).ToString();
    }

    /// <summary>"(see https://x.org/a_(b))." links https://x.org/a_(b): a closing parenthesis ends the link only when unbalanced.</summary>
    private static string WithoutTrailingPunctuation(string url)
    {
        while (true)
        {
            var trimmed = url.TrimEnd('.', ',', ';', ':', '!', '?');
            if (trimmed.EndsWith(')') && trimmed.Count(c => c == ')') > trimmed.Count(c => c == '('))
            {
                trimmed = trimmed[..^1];
            }
            if (trimmed.Length == url.Length)
            {
                return url;
            }
            url = trimmed;
        }
    }

    private static void Flush(List<string> parts, StringBuilder current)
    {
        // Blank lines at a message's edges would only be trimmed by Discord; a message of nothing but them is no message.
        var part = current.ToString().Trim('\n', ' ');
        if (part.Length > 0)
        {
            parts.Add(part);
        }
        current.Clear();
    }
}
