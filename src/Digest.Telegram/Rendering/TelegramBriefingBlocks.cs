using Digest.Core.Rendering;
using static Digest.Telegram.Rendering.TelegramHtmlText;

namespace Digest.Telegram.Rendering;

/// <summary>
/// The weekly briefing as Telegram HTML blocks, in the order <see cref="BriefingLayout"/> gives. Each block is balanced
/// on its own and is where a message may end; untrusted text is escaped, links only ever http(s).
/// </summary>
internal sealed class TelegramBriefingBlocks : BriefingLayout
{
    public static TelegramBriefingBlocks Instance { get; } = new();

    protected override string EntryBreak => "\n";

    protected override string Title(string text) => $"📰 <b>{Escape(text)}</b>";

    protected override string Heading(string text) => $"<b>{Escape(text)}</b>\n";

    protected override string Note(string text) => $"<i>{Escape(text)}</i>";

    protected override string Aside(string text) => "⚠️ " + Escape(text);

    protected override string SmallPrint(string text) => $"<i>{Escape(text)}</i>";

    protected override string Link(string text, string url) => TelegramHtmlText.Link(text, url);

    protected override string Plain(string text) => Escape(text);

    protected override string Strong(string markup) => $"<b>{markup}</b>";

    protected override string Bullet(string markup) => "• " + markup;
}
