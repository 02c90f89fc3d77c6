using System.Globalization;
using System.Text;

namespace Digest.Telegram.Rendering;

/// <summary>Escaping for Telegram's HTML parse mode, and the way back from our own HTML to the text Telegram shows.</summary>
public static class TelegramHtmlText
{
    /// <summary>Escapes untrusted text (titles, summaries, LLM output, tags) for use between tags.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                _ => sb.Append(c),
            };
        }
        return sb.ToString();
    }

    /// <summary>Escapes text for a double-quoted attribute value.</summary>
    public static string EscapeAttribute(string? text) => Escape(text).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>The URL as an escaped href value, or null when it is not an absolute http(s) URL (javascript:, data:, relative…).</summary>
    public static string? SafeHref(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }
        return EscapeAttribute(uri.AbsoluteUri);
    }

    /// <summary>The escaped text as a link when the URL is safe, as plain escaped text otherwise.</summary>
    public static string Link(string? text, string? url)
    {
        var href = SafeHref(url);
        return href is null ? Escape(text) : $"<a href=\"{href}\">{Escape(text)}</a>";
    }

    /// <summary>
    /// The text Telegram would show for HTML we produced: tags dropped, the entities we emit decoded.
    /// Used to resend as plain text after "can't parse entities"; its length equals what Telegram counts.
    /// </summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }
        var sb = new StringBuilder(html.Length);
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                var close = html.IndexOf('>', i);
                if (close >= 0)
                {
                    i = close;
                    continue;
                }
            }
            else if (c == '&' && TryDecodeEntity(html, i, out var decoded, out var length))
            {
                sb.Append(decoded);
                i += length - 1;
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The length Telegram checks against its limits: Unicode code points of the parsed text.</summary>
    public static int PlainLength(string? html) => CodePoints(ToPlainText(html));

    internal static int CodePoints(string text) => text.EnumerateRunes().Count();

    /// <summary>Decodes the entities Telegram decodes (&amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric) at <paramref name="start"/>.</summary>
    internal static bool TryDecodeEntity(string html, int start, out string decoded, out int length)
    {
        decoded = string.Empty;
        length = 0;
        var semicolon = html.IndexOf(';', start);
        if (semicolon < 0 || semicolon - start > 10)
        {
            return false;
        }
        var name = html.AsSpan(start + 1, semicolon - start - 1);
        decoded = name switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            _ => Numeric(name),
        };
        length = semicolon - start + 1;
        return decoded.Length > 0;
    }

    private static string Numeric(ReadOnlySpan<char> name)
    {
        if (name.Length < 2 || name[0] != '#')
        {
            return string.Empty;
        }
        var hex = name[1] is 'x' or 'X';
        var digits = hex ? name[2..] : name[1..];
        var ok = int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code);
        return ok && Rune.IsValid(code) && code != 0 ? char.ConvertFromUtf32(code) : string.Empty;
    }
}
