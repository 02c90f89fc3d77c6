using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Telegram.Rendering;

/// <summary>
/// Renders an edition (or a subscriber's cut) as Telegram HTML: a chart photo with a short caption,
/// then text messages split between blocks within the message limit. A weekly briefing is the text messages alone.
/// </summary>
public sealed class TelegramEditionRenderer(
    IChartRenderer charts,
    TelegramRenderLimits? limits = null,
    ILogger<TelegramEditionRenderer>? logger = null) : IEditionRenderer
{
    private readonly TelegramRenderLimits _limits = limits ?? TelegramRenderLimits.Telegram;
    private readonly ILogger _logger = logger ?? NullLogger<TelegramEditionRenderer>.Instance;

    public string Platform => "telegram";

    public IReadOnlyList<MessagePart> Render(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        if (edition.Briefing is not null)
        {
            // The weekly's charts would show the week's keywords, not its stories: it is text only.
            return [.. TelegramMessageSplitter.Split(TelegramBriefingBlocks.Instance.Build(edition), _limits.MaxTextLength)
                .Select(text => new MessagePart(MessageFormat.TelegramHtml, text))];
        }
        var parts = new List<MessagePart>();
        if (EditionChart.TryRender(charts, edition, _logger) is { } png)
        {
            var caption = TelegramMessageSplitter.Truncate(TelegramEditionBlocks.Caption(edition), _limits.MaxCaptionLength);
            parts.Add(new MessagePart(MessageFormat.TelegramHtml, caption, png, EditionChart.FileName(edition)));
        }
        foreach (var text in TelegramMessageSplitter.Split(TelegramEditionBlocks.Instance.Build(edition), _limits.MaxTextLength))
        {
            parts.Add(new MessagePart(MessageFormat.TelegramHtml, text));
        }
        return parts;
    }
}
