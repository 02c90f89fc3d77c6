using System.Net;
using System.Text;

namespace Digest.Feeds.Text;

/// <summary>The last pass over extracted text: one more decode, clean lines, at most one blank line between.</summary>
internal static class TextLines
{
    public static string Clean(string text, bool dropBoilerplate)
    {
        // Feeds double-escape often ("&amp;amp;"): the tokenizer decoded once, this is the second and last time.
        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }
        var result = new StringBuilder(text.Length);
        var line = new StringBuilder();
        var blankPending = false;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            CleanLine(raw, line);
            if (line.Length == 0)
            {
                blankPending = result.Length > 0;
                continue;
            }
            if (dropBoilerplate && Boilerplate.IsBoilerplate(line))
            {
                continue;
            }
            if (result.Length > 0)
            {
                result.Append(blankPending ? "\n\n" : "\n");
            }
            result.Append(line);
            blankPending = false;
        }
        return result.ToString();
    }

    /// <summary>Collapses whitespace to single spaces, drops control and replacement characters, trims.</summary>
    private static void CleanLine(ReadOnlySpan<char> raw, StringBuilder line)
    {
        line.Clear();
        var space = false;
        foreach (var ch in raw)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = line.Length > 0;
            }
            else if (!char.IsControl(ch) && ch != '\uFFFD')
            {
                if (space)
                {
                    line.Append(' ');
                    space = false;
                }
                line.Append(ch);
            }
        }
    }
}
