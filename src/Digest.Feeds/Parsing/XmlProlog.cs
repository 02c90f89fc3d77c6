namespace Digest.Feeds.Parsing;

/// <summary>
/// What comes before the root element, read as written: the DOCTYPE's place and the root's name. Only the
/// prolog is looked at, so markup quoted inside an item (CDATA, escaped text) never counts as a DOCTYPE.
/// </summary>
internal readonly record struct XmlProlog(int DoctypeStart, int DoctypeEnd, int RootStart, string? RootName)
{
    private const string DoctypeMarker = "<!DOCTYPE";

    public bool HasDoctype => DoctypeStart >= 0;

    /// <summary>The element name of the root, without a prefix ("rdf:RDF" is "RDF").</summary>
    public string? RootLocalName => RootName?[(RootName.IndexOf(':', StringComparison.Ordinal) + 1)..];

    /// <summary>
    /// True when the DOCTYPE declares entities: the one way a document asks for expansion. Everything from the
    /// DOCTYPE to the root is searched, so a subset whose end we misjudge still cannot hide a declaration.
    /// </summary>
    public bool DeclaresEntities(string text) =>
        HasDoctype && text.AsSpan(DoctypeStart, RootStart - DoctypeStart).Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text without its DOCTYPE: ignoring a DTD and dropping it read the same, and dropping it also admits "&lt;!doctype html&gt;".</summary>
    public string WithoutDoctype(string text) => HasDoctype ? text.Remove(DoctypeStart, DoctypeEnd - DoctypeStart) : text;

    public static XmlProlog Scan(string text)
    {
        var doctypeStart = -1;
        var doctypeEnd = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i] != '<')
            {
                // Stray text in the prolog is the XML reader's to reject; the root may still follow.
                i = NextOrEnd(text, '<', i);
            }
            else if (At(text, i, "<?"))
            {
                i = After(text, "?>", i + 2);
            }
            else if (At(text, i, "<!--"))
            {
                i = After(text, "-->", i + 4);
            }
            else if (At(text, i, DoctypeMarker))
            {
                doctypeStart = doctypeStart < 0 ? i : doctypeStart;
                i = DoctypeEndAt(text, i + DoctypeMarker.Length);
                doctypeEnd = i;
            }
            else if (i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                return new XmlProlog(doctypeStart, doctypeEnd, i, NameAt(text, i + 1));
            }
            else
            {
                i = NextOrEnd(text, '<', i + 1);
            }
        }
        return new XmlProlog(doctypeStart, doctypeEnd, text.Length, null);
    }

    /// <summary>The index after the DOCTYPE's closing '&gt;', skipping quoted strings, comments and the internal subset.</summary>
    private static int DoctypeEndAt(string text, int i)
    {
        var inSubset = false;
        while (i < text.Length)
        {
            var ch = text[i];
            if (ch is '"' or '\'')
            {
                i = After(text, ch.ToString(), i + 1);
                continue;
            }
            if (At(text, i, "<!--"))
            {
                i = After(text, "-->", i + 4);
                continue;
            }
            if (ch == '[')
            {
                inSubset = true;
            }
            else if (ch == ']')
            {
                inSubset = false;
            }
            else if (ch == '>' && !inSubset)
            {
                return i + 1;
            }
            i++;
        }
        return text.Length;
    }

    private static string NameAt(string text, int i)
    {
        var end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('>' or '/'))
        {
            end++;
        }
        return text[i..end];
    }

    private static bool At(string text, int i, string marker) =>
        text.AsSpan(i).StartsWith(marker, StringComparison.OrdinalIgnoreCase);

    private static int After(string text, string terminator, int from)
    {
        var found = text.IndexOf(terminator, from, StringComparison.Ordinal);
        return found < 0 ? text.Length : found + terminator.Length;
    }

    private static int NextOrEnd(string text, char ch, int from)
    {
        var found = from < text.Length ? text.IndexOf(ch, from) : -1;
        return found < 0 ? text.Length : found;
    }
}
