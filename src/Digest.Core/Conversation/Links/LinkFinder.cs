namespace Digest.Core.Conversation.Links;

/// <summary>Finds and checks the links people type: the first http(s) URL in a message, or the argument of /summary.</summary>
public static class LinkFinder
{
    private static readonly string[] Schemes = ["https://", "http://"];

    /// <summary>
    /// The first http or https URL in <paramref name="text"/>, without the punctuation a sentence puts after it
    /// ("see https://example.com/a." gives https://example.com/a); null when there is none.
    /// </summary>
    public static string? FirstLink(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        for (var start = NextScheme(text, 0); start >= 0; start = NextScheme(text, start + 1))
        {
            if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
            {
                // "xhttps://…" is a word that happens to contain a scheme, not a link.
                continue;
            }
            var end = start;
            while (end < text.Length && !EndsLink(text[end]))
            {
                end++;
            }
            var candidate = TrimTrailing(text[start..end]);
            if (TryParse(candidate, out var uri))
            {
                return uri.OriginalString;
            }
        }
        return null;
    }

    /// <summary>
    /// An absolute http or https URL with a host. A bare "example.com/page" is read as https; anything naming another
    /// scheme (file:, ftp:, javascript:) is not a link we read.
    /// </summary>
    public static bool TryParse(string? url, out Uri uri)
    {
        var text = url?.Trim() ?? string.Empty;
        if (text.Length > 2 && text[0] == '<' && text[^1] == '>')
        {
            text = text[1..^1].Trim();
        }
        if (text.Length > 0 && !text.Contains(':', StringComparison.Ordinal) && !text.StartsWith('/') && !text.Any(char.IsWhiteSpace))
        {
            text = "https://" + text;
        }
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && parsed.Host.Length > 0)
        {
            uri = parsed;
            return true;
        }
        uri = null!;
        return false;
    }

    private static int NextScheme(string text, int from)
    {
        var best = -1;
        foreach (var scheme in Schemes)
        {
            var at = text.IndexOf(scheme, from, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
            }
        }
        return best;
    }

    private static bool EndsLink(char c) => char.IsWhiteSpace(c) || c is '<' or '>' or '"' or '`' or '«' or '»' or '“' or '”';

    /// <summary>Drops sentence punctuation after the link, and closing brackets it did not open (as in "(see https://a.b/c)").</summary>
    private static string TrimTrailing(string link)
    {
        while (link.Length > 0)
        {
            var last = link[^1];
            var drop = last switch
            {
                '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '’' => true,
                ')' => Count(link, '(') < Count(link, ')'),
                ']' => Count(link, '[') < Count(link, ']'),
                '}' => Count(link, '{') < Count(link, '}'),
                _ => false,
            };
            if (!drop)
            {
                break;
            }
            link = link[..^1];
        }
        return link;
    }

    private static int Count(string text, char c) => text.Count(x => x == c);
}
