using System.Text;

namespace Digest.Core.Rendering;

/// <summary>Keeps untrusted text literal in Markdown: no links, emphasis, tables or raw HTML sneak in.</summary>
public static class MarkdownText
{
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text.ReplaceLineEndings(" "))
        {
            switch (ch)
            {
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#':
                    sb.Append('\\').Append(ch);
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A URL safe inside (…): only http(s), with parentheses and spaces encoded.</summary>
    public static string Url(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)
            : "#";

    /// <summary>Text inside a Mermaid double-quoted label.</summary>
    public static string MermaidLabel(string text) => text.Replace('"', '\'').ReplaceLineEndings(" ");
}
