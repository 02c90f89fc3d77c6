using System.Xml;
using System.Xml.Linq;

namespace Digest.Feeds.Parsing;

/// <summary>
/// Reads untrusted XML into a tree with the DTD ignored and no resolver, so no entity is expanded and nothing is
/// fetched. Stops at the root's end tag (junk after it is never read) and, when the document breaks off,
/// keeps the items completed before the break.
/// </summary>
internal static class SafeXml
{
    /// <summary>Reader settings for any XML we did not write: DTDs ignored, no resolver, no size from entities.</summary>
    public static XmlReaderSettings CreateSettings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        // Nothing can be expanded with the DTD ignored; the limit is a second lock on the same door.
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>
    /// The document's root, or null with the reason; a root with an error is what was read before the document broke
    /// off. The root's name as written comes back even when the XML reader fails before it, so a page is still known by it.
    /// </summary>
    public static (XElement? Root, string? RootName, string? Error) Load(string text)
    {
        text = XmlRepair.RemoveInvalidCharacters(text);
        var start = XmlRepair.FindDocumentStart(text);
        if (start < 0)
        {
            return (null, null, "Not XML: the body has no markup");
        }
        text = text[start..];
        var prolog = XmlProlog.Scan(text);
        if (prolog.DeclaresEntities(text))
        {
            return (null, prolog.RootLocalName, "Refused: the document's DTD declares entities, which are never expanded");
        }
        text = XmlRepair.FixEntities(prolog.WithoutDoctype(text));
        var input = new StringReader(text);
        Skip(input, XmlRepair.DeclarationLength(text));

        using var reader = XmlReader.Create(input, CreateSettings());
        XElement? root = null;
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return (null, prolog.RootLocalName, "Not XML: no root element");
            }
            root = Shallow(reader);
            ReadChildren(reader, root, root);
            return (root, root.Name.LocalName, null);
        }
        catch (XmlException e)
        {
            return (root, root?.Name.LocalName ?? prolog.RootLocalName, e.Message);
        }
    }

    private static void Skip(StringReader reader, int characters)
    {
        Span<char> skipped = stackalloc char[256];
        while (characters > 0)
        {
            var read = reader.Read(skipped[..Math.Min(characters, skipped.Length)]);
            if (read == 0)
            {
                return;
            }
            characters -= read;
        }
    }

    private static void ReadChildren(XmlReader reader, XElement parent, XElement root)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.EOF)
            {
                throw new XmlException("Unexpected end of the document.");
            }
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (parent == root && root.Name.LocalName == "rss" && reader.LocalName == "channel")
            {
                // RSS items sit one level down: read the channel shallowly so a break keeps its earlier items.
                var channel = Shallow(reader);
                parent.Add(channel);
                ReadChildren(reader, channel, root);
                reader.Read();
            }
            else
            {
                // A whole item or entry, or nothing of it: a half item never reaches the tree.
                parent.Add(XNode.ReadFrom(reader));
            }
        }
    }

    private static XElement Shallow(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                element.Add(Attribute(reader));
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        return element;
    }

    private static XAttribute Attribute(XmlReader reader)
    {
        // Namespace declarations are kept as written: the feed parser looks prefixes such as "dc" up by name.
        if (reader.Prefix.Length == 0 && reader.LocalName == "xmlns")
        {
            return new XAttribute("xmlns", reader.Value);
        }
        return reader.Prefix == "xmlns"
            ? new XAttribute(XNamespace.Xmlns + reader.LocalName, reader.Value)
            : new XAttribute(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
    }
}
