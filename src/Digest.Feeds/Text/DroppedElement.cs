namespace Digest.Feeds.Text;

/// <summary>
/// Tracks the element whose content is being dropped (a script, a nav, a form…), counting nested elements
/// of the same name so an inner close does not end it early.
/// </summary>
internal sealed class DroppedElement
{
    private string? name;
    private int depth;

    public bool Active => name is not null;

    /// <summary>Takes a start tag; true when it belongs to dropped content and should not reach the text.</summary>
    public bool Opened(ReadOnlySpan<char> tag, bool selfClosing)
    {
        if (name is not null)
        {
            if (!selfClosing && tag.SequenceEqual(name))
            {
                depth++;
            }
            // A page's head is often left open; the body start ends it as the HTML parser would.
            else if (name == "head" && tag is "body")
            {
                name = null;
                return false;
            }
            return true;
        }
        if (!selfClosing && HtmlElements.IsDropped(tag))
        {
            name = tag.ToString();
            depth = 1;
            return true;
        }
        return false;
    }

    /// <summary>Takes an end tag; true when it belongs to dropped content (its own close included).</summary>
    public bool Closed(ReadOnlySpan<char> tag)
    {
        if (name is null)
        {
            return false;
        }
        if (tag.SequenceEqual(name) && --depth == 0)
        {
            name = null;
        }
        return true;
    }
}
