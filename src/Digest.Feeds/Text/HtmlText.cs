using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Feeds.Text;

/// <summary>Turns feed HTML (or plain text with entities) into readable plain text.</summary>
internal static partial class HtmlText
{
    [GeneratedRegex(@"<(script|style|noscript|template|svg|iframe)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HiddenBlocks();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/h[1-6]|/blockquote|/pre|/tr|p|div|li|h[1-6]|blockquote|pre|tr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTags();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\n\s*(\n\s*)+")]
    private static partial Regex BlankLines();

    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }
        var text = HiddenBlocks().Replace(html, " ");
        text = Comments().Replace(text, " ");
        text = BlockTags().Replace(text, "\n");
        text = AnyTag().Replace(text, string.Empty);
        // Feeds double-escape often ("&amp;amp;"): decode until stable, at most twice.
        for (var i = 0; i < 2; i++)
        {
            var decoded = WebUtility.HtmlDecode(text);
            if (decoded == text)
            {
                break;
            }
            text = decoded;
        }
        text = RemoveControlCharacters(text);
        text = Spaces().Replace(text, " ");
        text = BlankLines().Replace(text, "\n\n");
        return string.Join('\n', text.Split('\n').Select(l => l.Trim())).Trim();
    }

    /// <summary>A one-line title: tags stripped, entities decoded, whitespace collapsed.</summary>
    public static string ToTitle(string? html)
    {
        var text = ToPlainText(html);
        return Spaces().Replace(text.Replace('\n', ' '), " ").Trim();
    }

    private static string RemoveControlCharacters(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (!char.IsControl(ch) || ch is '\n' or '\t')
            {
                sb.Append(ch == '\t' ? ' ' : ch);
            }
        }
        return sb.ToString();
    }
}
