using System.Text;

namespace Digest.Feeds.Text;

/// <summary>
/// Collects text with the gaps elements leave. A gap is written only before the next visible character, so
/// empty elements, leading markup and runs of whitespace never pile up separators.
/// </summary>
internal sealed class PlainTextWriter
{
    private readonly StringBuilder text = new();
    private Gap pending;
    private int newlinesInRun;

    public int Length => text.Length;

    public void Break(Gap gap)
    {
        Widen(gap);
        newlinesInRun = 0;
    }

    /// <param name="preserveLines">In preformatted text every newline is a line; elsewhere it is a space.</param>
    public void Append(ReadOnlySpan<char> data, bool preserveLines)
    {
        foreach (var ch in data)
        {
            if (char.IsWhiteSpace(ch))
            {
                // A blank line in the source is a paragraph, so plain-text items with no markup keep theirs.
                newlinesInRun += ch == '\n' ? 1 : 0;
                Widen(ch != '\n' ? Gap.Space : preserveLines ? Gap.Line : newlinesInRun >= 2 ? Gap.Paragraph : Gap.Space);
            }
            else if (!char.IsControl(ch))
            {
                Flush();
                text.Append(ch);
                newlinesInRun = 0;
            }
        }
    }

    public override string ToString() => text.ToString();

    private void Widen(Gap gap)
    {
        if (gap > pending)
        {
            pending = gap;
        }
    }

    private void Flush()
    {
        if (text.Length > 0)
        {
            text.Append(pending switch
            {
                Gap.None => string.Empty,
                Gap.Space => " ",
                Gap.Cell => " | ",
                Gap.Line => "\n",
                _ => "\n\n",
            });
        }
        pending = Gap.None;
    }
}
