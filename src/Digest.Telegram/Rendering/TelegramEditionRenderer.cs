using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Telegram.Rendering;

/// <summary>
/// Renders an edition (or a subscriber's cut) as Telegram HTML: a chart photo with a short caption,
/// then text messages split between blocks within the message limit.
/// </summary>
public sealed partial class TelegramEditionRenderer(
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
        var parts = new List<MessagePart>();
        if (edition.Items.Count > 0 && Chart(edition) is { } png)
        {
            var caption = TelegramMessageSplitter.Truncate(TelegramEditionBlocks.Caption(edition), _limits.MaxCaptionLength);
            parts.Add(new MessagePart(MessageFormat.TelegramHtml, caption, png, $"digest-{EditionText.Date(edition.Date)}.png"));
        }
        foreach (var text in TelegramMessageSplitter.Split(TelegramEditionBlocks.Instance.Build(edition), _limits.MaxTextLength))
        {
            parts.Add(new MessagePart(MessageFormat.TelegramHtml, text));
        }
        return parts;
    }

    // The chart is a bonus: a host without a working image stack still gets the digest as text.
    private byte[]? Chart(Edition edition)
    {
        try
        {
            return charts.RenderPng(edition.Stats);
        }
#pragma warning disable CA1031 // any failure of the drawing library must not cost the edition
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogChartFailed(_logger, edition.Id, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chart for edition {edition_id} failed; sending text only")]
    private static partial void LogChartFailed(ILogger logger, long edition_id, Exception exception);
}
