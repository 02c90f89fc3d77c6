using Digest.Core.Editions;

namespace Digest.Core.Rendering;

/// <summary>
/// The weekly briefing as Markdown (the archive, the CLI, the console): <c>#</c>/<c>##</c> headings, bulleted lists,
/// <c>[text](url)</c> links, untrusted text kept literal with <see cref="MarkdownText"/>.
/// </summary>
public sealed class BriefingMarkdown : BriefingLayout
{
    public static BriefingMarkdown Instance { get; } = new();

    /// <summary>The whole briefing, its blocks as paragraphs, ending in one line break.</summary>
    public static string Render(Edition edition) => string.Join("\n\n", Instance.Build(edition)) + "\n";

    // A Markdown paragraph ends only at a blank line.
    protected override string EntryBreak => "\n\n";

    protected override string Title(string text) => "# 📰 " + MarkdownText.Escape(text);

    protected override string Heading(string text) => "## " + MarkdownText.Escape(text) + "\n\n";

    protected override string Note(string text) => "*" + MarkdownText.Escape(text) + "*";

    protected override string Aside(string text) => "> ⚠️ " + MarkdownText.Escape(text);

    protected override string SmallPrint(string text) => "---\n\n*" + MarkdownText.Escape(text) + "*";

    protected override string Link(string text, string url)
    {
        var safe = MarkdownText.Url(url);
        return safe == "#" ? MarkdownText.Escape(text) : $"[{MarkdownText.Escape(text)}]({safe})";
    }

    protected override string Plain(string text) => MarkdownText.Escape(text);

    protected override string Strong(string markup) => "**" + markup + "**";

    protected override string Bullet(string markup) => "- " + markup;
}
