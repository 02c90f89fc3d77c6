using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Discord.Rendering;

/// <summary>
/// Keeps untrusted text (titles, sources, summaries, tags, LLM output) literal in a Discord message: no emphasis,
/// headings, lists, quotes, links or mentions sneak in, and no URL inside it unfurls into a preview.
/// </summary>
public static partial class DiscordMarkdownText
{
    /// <summary>Longer URLs are shown as text: a link is never cut, so it must fit a message with room to spare.</summary>
    public const int MaxUrlLength = 512;

    private const string ZeroWidthSpace = "\u200B";

    // Discord drops a backslash before any ASCII punctuation, so escaping more than needed never shows.
    // Escaping everywhere, rather than where each would format, leaves nothing to a reading of Discord's parser:
    // '<' stops <@id>, <@&id>, <#id>, <t:…> and <:emoji:id>; ':' stops bare http:// URLs from linking and unfurling.
    private static readonly SearchValues<char> Special = SearchValues.Create(@"\*_~`|>#-+.[]()<:");

    /// <summary>Escapes untrusted text for anywhere in a message outside code blocks; line breaks become spaces.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (Special.Contains(c))
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return NeutralizeMassMentions(sb.ToString());
    }

    /// <summary>
    /// Text for a line inside a fenced code block, where backslashes show as they are: no backtick can close the
    /// fence, and mass mentions are broken even so.
    /// </summary>
    public static string CodeLine(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : NeutralizeMassMentions(text.ReplaceLineEndings(" ").Replace('`', '\''));

    /// <summary>
    /// The URL for a masked link's (&lt;…&gt;) target, or null unless it is an absolute http(s) URL of sane length.
    /// The angle brackets keep Discord from adding a preview; nothing in the URL can end them or the parentheses.
    /// </summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }
        var safe = uri.AbsoluteUri
            .Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal)
            .Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal);
        return safe.Length <= MaxUrlLength ? safe : null;
    }

    /// <summary>"[text](&lt;url&gt;)" with the text escaped, or the escaped text alone when the URL is not safe.</summary>
    public static string Link(string? text, string? url)
    {
        var escaped = Escape(text);
        return SafeUrl(url) is { } safe ? $"[{escaped}](<{safe}>)" : escaped;
    }

    /// <summary>Plain text shortened to at most <paramref name="max"/> characters at a word, ending in "…".</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        if (cut <= 0)
        {
            cut = max - 1;
            // Never leave half of a surrogate pair behind.
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }
        }
        return text[..cut].TrimEnd() + "…";
    }

    // Discord pings on these words alone; a zero-width space after the @ keeps them readable but inert.
    private static string NeutralizeMassMentions(string text) => MassMention().Replace(text, "@" + ZeroWidthSpace);

    [GeneratedRegex("@(?=everyone|here)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MassMention();
}
