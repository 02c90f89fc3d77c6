using Digest.Core.Rendering;
using static Digest.Discord.Rendering.DiscordMarkdownText;

namespace Digest.Discord.Rendering;

/// <summary>
/// The weekly briefing as Discord Markdown blocks, in the order <see cref="BriefingLayout"/> gives; each block is where
/// a message may end. A list longer than a message goes on in a block of its own rather than being cut.
/// </summary>
internal sealed class DiscordBriefingBlocks(int messageLimit) : BriefingLayout
{
    // Caps before escaping keep every title far below a message, so only prose is ever cut.
    private const int MaxTitle = 300;

    protected override string EntryBreak => "\n";

    protected override int MaxListBlock => messageLimit;

    protected override string Title(string text) => "# 📰 " + Escape(text);

    protected override string Heading(string text) => "## " + Escape(text) + "\n";

    protected override string Note(string text) => "*" + Escape(text) + "*";

    // Subtext ("-# ") is Discord's small print: neither the caution nor the footer should compete with the stories.
    protected override string Aside(string text) => "-# ⚠️ " + Escape(text);

    protected override string SmallPrint(string text) => "-# " + Escape(text);

    protected override string Link(string text, string url) => DiscordMarkdownText.Link(Shorten(ItemText.OneLine(text), MaxTitle), url);

    protected override string Plain(string text) => Escape(text);

    protected override string Strong(string markup) => "**" + markup + "**";

    protected override string Bullet(string markup) => "- " + markup;
}
