using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace Digest.Feeds.Text;

/// <summary>Turns feed HTML (or plain text with entities) into readable plain text, one block per line.</summary>
/// <remarks>
/// Reads the markup with AngleSharp's tokenizer alone: one pass over the input, whatever the junk. The tree
/// builder is left out on purpose — thousands of unclosed formatting elements make its reconstruction of
/// open elements superlinear, and regexes over tags backtrack; both once cost a single item minutes of CPU.
/// </remarks>
internal static class HtmlText
{
    /// <summary>
    /// Markup beyond this is never looked at. The feed limits allow bodies of 10 MB, and one item may be nearly
    /// all of it; an article's text lives in its first few hundred KB, so the rest only costs CPU and memory.
    /// </summary>
    public const int MaxInputChars = 2_000_000;

    /// <summary>
    /// Output beyond this is not produced: ~15,000 words, far more than any article, while summaries, scoring
    /// and search read a few thousand characters. Reading stops once it is reached.
    /// </summary>
    public const int MaxOutputChars = 100_000;

    public static string ToPlainText(string? html) => ToPlainText(html, MaxInputChars, MaxOutputChars);

    /// <summary>A one-line title: tags stripped, entities decoded, whitespace collapsed.</summary>
    public static string ToTitle(string? html)
    {
        var raw = Read(html, MaxInputChars, MaxOutputChars);
        // A title that happens to read "Read more" is still the title: only bodies lose boilerplate lines.
        return string.Join(' ', TextLines.Clean(raw, dropBoilerplate: false).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The same with explicit caps, so tests can show the reading itself is linear.</summary>
    internal static string ToPlainText(string? html, int maxInputChars, int maxOutputChars)
    {
        var text = TextLines.Clean(Read(html, maxInputChars, maxOutputChars), dropBoilerplate: true);
        return Cap(text, maxOutputChars);
    }

    private static string Read(string? html, int maxInputChars, int maxOutputChars)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }
        var tokenizer = new HtmlTokenizer(new TextSource(Prepare(html, maxInputChars)), HtmlEntityProvider.Resolver)
        {
            SkipComments = true,
            SkipProcessingInstructions = true,
            // Attributes carry no readable text here; not collecting them saves an allocation per attribute.
            ShouldEmitAttribute = static (ref _, _) => false,
        };
        var writer = new PlainTextWriter();
        var drop = new DroppedElement();
        var preformatted = 0;
        while (writer.Length < maxOutputChars)
        {
            // The struct token is reused by the tokenizer: read it before asking for the next one.
            ref var token = ref tokenizer.GetStructToken();
            if (token.Type == HtmlTokenType.EndOfFile)
            {
                break;
            }
            ReadOnlySpan<char> name = token.Name;
            switch (token.Type)
            {
                case HtmlTokenType.Character when !drop.Active:
                    writer.Append(token.Data, preserveLines: preformatted > 0);
                    break;
                case HtmlTokenType.StartTag:
                    // The tree builder would switch the tokenizer for raw-text elements; without it, "a<b" in a
                    // script or "</p>" in a string would be read as tags.
                    if (!token.IsSelfClosing && HtmlElements.ContentMode(name) is { } mode)
                    {
                        tokenizer.State = mode;
                    }
                    if (!drop.Opened(name, token.IsSelfClosing) && !token.IsSelfClosing && HtmlElements.IsPreformatted(name))
                    {
                        preformatted++;
                    }
                    writer.Break(HtmlElements.GapOf(name));
                    break;
                case HtmlTokenType.EndTag:
                    if (!drop.Closed(name) && preformatted > 0 && HtmlElements.IsPreformatted(name))
                    {
                        preformatted--;
                    }
                    writer.Break(HtmlElements.GapOf(name));
                    break;
            }
        }
        return writer.ToString();
    }

    /// <summary>Bounds the input and unwraps CDATA sections that feeds leave inside the HTML.</summary>
    private static string Prepare(string html, int maxInputChars)
    {
        if (html.Length > maxInputChars)
        {
            // Never split a surrogate pair: half a character would become U+FFFD.
            var cut = char.IsHighSurrogate(html[maxInputChars - 1]) ? maxInputChars - 1 : maxInputChars;
            html = html[..cut];
        }
        // In HTML "<![CDATA[" opens a bogus comment that ends at the first ">", so a wrapped item would lose its
        // first tag and keep a stray "]]>". The markers alone go; what they wrapped is read as markup.
        return html.Contains("<![CDATA[", StringComparison.Ordinal)
            ? html.Replace("<![CDATA[", " ", StringComparison.Ordinal).Replace("]]>", " ", StringComparison.Ordinal)
            : html;
    }

    private static string Cap(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }
        var cut = text.LastIndexOfAny([' ', '\n'], maxChars - 1);
        return text[..(cut > maxChars / 2 ? cut : maxChars)].TrimEnd();
    }
}
