namespace Digest.Feeds.Text;

/// <summary>The separation an element leaves in the text, from none to a blank line; the widest one wins.</summary>
internal enum Gap
{
    None,
    Space,
    Cell,
    Line,
    Paragraph,
}
