using System.Xml.Linq;

namespace Digest.Feeds.Parsing;

/// <summary>
/// The base URI in force at an element (XML Base, as RFC 4287 asks of Atom): every xml:base from the root down to
/// the element itself, each resolved against the one above it, the outermost against the document's own URL.
/// </summary>
internal static class XmlBase
{
    private static readonly XName Attribute = XNamespace.Xml + "base";

    /// <summary>The element's base, or <paramref name="whenNone"/> when no element on its path declares one.</summary>
    public static Uri Of(XElement element, Uri documentUri, Uri whenNone)
    {
        var declared = element.AncestorsAndSelf()
            .Select(e => e.Attribute(Attribute)?.Value.Trim())
            .Where(b => !string.IsNullOrEmpty(b))
            .Reverse()
            .ToList();
        if (declared.Count == 0)
        {
            return whenNone;
        }
        var current = documentUri;
        foreach (var value in declared)
        {
            // A base that cannot lead to an http(s) link (unparsable, "urn:", "file:") is read as if it were not there.
            if (Uri.TryCreate(current, value, out var next) && HttpLinks.IsHttp(next))
            {
                current = next;
            }
        }
        return current;
    }
}
