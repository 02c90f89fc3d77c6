using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Feeds.Parsing;

/// <summary>
/// Text-level repairs that make feeds from the wild readable as XML without ever expanding a declared entity:
/// invalid characters dropped, junk before the document cut, HTML named entities turned into characters,
/// and every other unknown entity or bare ampersand kept as literal text.
/// </summary>
internal static partial class XmlRepair
{
    private const int DeclarationSearchLength = 4096;

    [GeneratedRegex(@"&(?:#[xX]([0-9A-Fa-f]{1,8});|#([0-9]{1,10});|([A-Za-z][A-Za-z0-9]{0,31});)?")]
    private static partial Regex Ampersand();

    [GeneratedRegex(@"^<\?xml\s[^>]*?\?>")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"<(?:[A-Za-z_][\w.-]*:)?(?:rss|feed|RDF|html)[\s>/]", RegexOptions.IgnoreCase)]
    private static partial Regex RootLike();

    public static string RemoveInvalidCharacters(string text)
    {
        var firstBad = FirstInvalid(text, 0);
        if (firstBad < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        var start = 0;
        while (firstBad >= 0)
        {
            sb.Append(text, start, firstBad - start);
            start = firstBad + 1;
            firstBad = FirstInvalid(text, start);
        }
        return sb.Append(text, start, text.Length - start).ToString();
    }

    /// <summary>
    /// Where the document starts: its XML declaration, else the first tag-like '&lt;'; -1 when there is none. A
    /// declaration only counts before the first CDATA section and feed-like root, since an item may quote one.
    /// </summary>
    public static int FindDocumentStart(string text)
    {
        var searched = Math.Min(text.Length, DeclarationSearchLength);
        var cdata = text.AsSpan(0, searched).IndexOf("<![CDATA[", StringComparison.Ordinal);
        var root = RootLike().Match(text, 0, searched);
        var limit = Math.Min(cdata < 0 ? searched : cdata, root.Success ? root.Index : searched);
        var declaration = text.AsSpan(0, limit).IndexOf("<?xml", StringComparison.Ordinal);
        if (declaration >= 0 && declaration + 5 < text.Length && char.IsWhiteSpace(text[declaration + 5]))
        {
            return declaration;
        }
        return FirstTag(text, 0);
    }

    /// <summary>
    /// The length of the XML declaration, which the reader must skip: the text is already decoded, so its encoding
    /// claim can only mislead. Skipped rather than cut off, so a feed's text is not copied for it.
    /// </summary>
    public static int DeclarationLength(string text)
    {
        var match = Declaration().Match(text);
        return match.Success ? match.Length : 0;
    }

    /// <summary>Repairs entity references outside CDATA sections and comments, whose content is not markup.</summary>
    public static string FixEntities(string text)
    {
        // Most feeds only use references XML knows ("&lt;" in escaped HTML): then nothing changes, and the whole
        // text, often long enough for the large object heap, is not copied four times to find that out.
        if (!NeedsFix(text))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 64);
        var position = 0;
        var nextCdata = -1;
        var nextComment = -1;
        while (position < text.Length)
        {
            nextCdata = NextAt(text, "<![CDATA[", position, nextCdata);
            nextComment = NextAt(text, "<!--", position, nextComment);
            var next = Math.Min(nextCdata, nextComment);
            if (next == int.MaxValue)
            {
                AppendFixed(sb, text, position, text.Length);
                break;
            }
            AppendFixed(sb, text, position, next);
            var terminator = next == nextCdata ? "]]>" : "-->";
            var end = text.IndexOf(terminator, next + 4, StringComparison.Ordinal);
            end = end < 0 ? text.Length : end + terminator.Length;
            sb.Append(text, next, end - next);
            position = end;
        }
        return sb.ToString();
    }

    /// <summary>Whether any ampersand would change under <see cref="FixReference"/>, wherever it stands.</summary>
    private static bool NeedsFix(string text)
    {
        foreach (var match in Ampersand().EnumerateMatches(text))
        {
            if (!IsKept(text.AsSpan(match.Index, match.Length)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A reference <see cref="FixReference"/> leaves as it is: XML's five, or a character reference to an XML character.</summary>
    private static bool IsKept(ReadOnlySpan<char> reference)
    {
        if (reference is "&amp;" or "&lt;" or "&gt;" or "&quot;" or "&apos;")
        {
            return true;
        }
        if (reference.Length < 4 || reference[1] != '#' || reference[^1] != ';')
        {
            return false;
        }
        var isHex = reference[2] is 'x' or 'X';
        var digits = reference[(isHex ? 3 : 2)..^1];
        return long.TryParse(digits, isHex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var code) && IsXmlChar(code);
    }

    private static void AppendFixed(StringBuilder sb, string text, int start, int end)
    {
        if (end > start)
        {
            sb.Append(Ampersand().Replace(text[start..end], FixReference));
        }
    }

    private static string FixReference(Match match)
    {
        if (match.Groups[1].Success || match.Groups[2].Success)
        {
            var isHex = match.Groups[1].Success;
            var digits = isHex ? match.Groups[1].Value : match.Groups[2].Value;
            var parsed = long.TryParse(digits, isHex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var code);
            return parsed && IsXmlChar(code) ? match.Value : string.Empty;
        }
        if (match.Groups[3].Success)
        {
            var name = match.Groups[3].Value;
            if (name is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                return match.Value;
            }
            var decoded = WebUtility.HtmlDecode(match.Value);
            if (decoded == match.Value)
            {
                return "&amp;" + name + ";";
            }
            var sb = new StringBuilder();
            foreach (var rune in decoded.EnumerateRunes())
            {
                sb.Append(CultureInfo.InvariantCulture, $"&#x{rune.Value:X};");
            }
            return sb.ToString();
        }
        return "&amp;";
    }

    private static int NextAt(string text, string marker, int position, int known)
    {
        if (known == int.MaxValue || known >= position)
        {
            return known;
        }
        var found = text.IndexOf(marker, position, StringComparison.Ordinal);
        return found < 0 ? int.MaxValue : found;
    }

    private static int FirstTag(string text, int from)
    {
        for (var i = text.IndexOf('<', from); i >= 0 && i + 1 < text.Length; i = text.IndexOf('<', i + 1))
        {
            var next = text[i + 1];
            if (char.IsLetter(next) || next is '_' or '!' or '?')
            {
                return i;
            }
        }
        return -1;
    }

    private static int FirstInvalid(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (!IsXmlChar(ch) || char.IsSurrogate(ch))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool IsXmlChar(long code) =>
        code is 0x9 or 0xA or 0xD
        || code is >= 0x20 and <= 0xD7FF
        || code is >= 0xE000 and <= 0xFFFD
        || code is >= 0x10000 and <= 0x10FFFF;
}
