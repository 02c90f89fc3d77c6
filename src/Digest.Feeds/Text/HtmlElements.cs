using System.Collections.Frozen;
using AngleSharp.Html.Parser;

namespace Digest.Feeds.Text;

/// <summary>What each element means for plain text: a gap it leaves, whether its content is dropped.</summary>
internal static class HtmlElements
{
    // Blocks end sentences: without a break, two list items or a heading and its paragraph read as one sentence.
    private static readonly FrozenDictionary<string, Gap> Gaps = Tags(Gap.Paragraph,
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "blockquote", "pre", "listing", "hr", "ul", "ol", "dl",
            "menu", "table", "section", "article", "main", "header", "footer", "aside", "figure", "address",
            "details", "fieldset", "center")
        .Concat(Tags(Gap.Line,
            "div", "br", "li", "dt", "dd", "tr", "caption", "summary", "nav", "form", "figcaption", "head", "title",
            "option"))
        .Concat(Tags(Gap.Cell, "td", "th"))
        .Concat(Tags(Gap.Space,
            "img", "button", "select", "svg", "iframe", "video", "audio", "canvas", "object", "math", "textarea",
            "input"))
        .ToFrozenDictionary(StringComparer.Ordinal);

    // Content no reader of the article sees as its text: code, styling, navigation, controls, embeds, and a
    // page's head (a feed item has none; a page's title is the item's title already). Captions describe an
    // image the digest does not show. Video and audio hold only "your browser does not support…" fallbacks.
    private static readonly FrozenSet<string> Dropped = new[]
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "video", "audio",
        "nav", "figcaption", "button", "form", "select", "textarea", "head", "title", "noembed", "noframes",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Tag names arrive as spans of the tokenizer's buffer: looking them up as spans allocates nothing per tag.
    private static readonly FrozenDictionary<string, Gap>.AlternateLookup<ReadOnlySpan<char>> GapLookup =
        Gaps.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DroppedLookup =
        Dropped.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Inline elements (b, i, a, span, code, em, strong…) leave no gap.</summary>
    public static Gap GapOf(ReadOnlySpan<char> tag) => GapLookup.TryGetValue(tag, out var gap) ? gap : Gap.None;

    public static bool IsDropped(ReadOnlySpan<char> tag) => DroppedLookup.Contains(tag);

    public static bool IsPreformatted(ReadOnlySpan<char> tag) => tag is "pre" or "listing" or "textarea";

    private static IEnumerable<KeyValuePair<string, Gap>> Tags(Gap gap, params string[] tags) =>
        tags.Select(tag => KeyValuePair.Create(tag, gap));

    /// <summary>The tokenizer state for an element's content, as the HTML tree builder would set it.</summary>
    public static HtmlParseMode? ContentMode(ReadOnlySpan<char> tag) => tag switch
    {
        "script" => HtmlParseMode.Script,
        "style" or "xmp" or "iframe" or "noembed" or "noframes" or "noscript" => HtmlParseMode.Rawtext,
        "textarea" or "title" => HtmlParseMode.RCData,
        _ => null,
    };
}
