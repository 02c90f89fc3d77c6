using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Core.Weekly;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Discord.Rendering;

/// <summary>
/// Renders an edition (or a subscriber's cut) as Discord Markdown: a chart image with a short caption, then text
/// messages split between articles and sections within the message limit.
/// </summary>
public sealed class DiscordEditionRenderer(
    IChartRenderer charts,
    DiscordRenderLimits? limits = null,
    ILogger<DiscordEditionRenderer>? logger = null) : IEditionRenderer
{
    private readonly DiscordRenderLimits _limits = limits ?? DiscordRenderLimits.Discord;
    private readonly ILogger _logger = logger ?? NullLogger<DiscordEditionRenderer>.Instance;

    public string Platform => "discord";

    public IReadOnlyList<MessagePart> Render(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        if (edition.Briefing is not null)
        {
            return Weekly(edition, edition.Briefing);
        }
        var parts = new List<MessagePart>();
        if (EditionChart.TryRender(charts, edition, _logger) is { } png)
        {
            var caption = DiscordMessageSplitter.Truncate(DiscordEditionBlocks.Caption(edition), _limits.MaxCaptionLength);
            parts.Add(new MessagePart(MessageFormat.DiscordMarkdown, caption, png, EditionChart.FileName(edition)));
        }
        foreach (var text in DiscordMessageSplitter.Split(DiscordEditionBlocks.Instance.Build(edition), _limits.MaxTextLength))
        {
            parts.Add(new MessagePart(MessageFormat.DiscordMarkdown, text));
        }
        // Follow-up questions go to a thread on the post's first message, so the channel itself stays the digest's.
        if (parts.Count > 0 && edition.Items.Count > 0)
        {
            parts[0] = parts[0] with { ThreadName = ThreadName(edition) };
        }
        return parts;
    }

    /// <summary>The briefing's text messages (no chart: the week is told in stories), the thread on the first.</summary>
    private List<MessagePart> Weekly(Edition edition, WeeklyBriefing briefing)
    {
        var parts = DiscordMessageSplitter.Split(new DiscordBriefingBlocks(_limits.MaxTextLength).Build(edition), _limits.MaxTextLength)
            .Select(text => new MessagePart(MessageFormat.DiscordMarkdown, text))
            .ToList();
        if (parts.Count > 0 && edition.Items.Count > 0)
        {
            parts[0] = parts[0] with { ThreadName = WeeklyThreadName(briefing) };
        }
        return parts;
    }

    /// <summary>The weekly's thread: "Questions about the weekly briefing, Nov 29" (the week's last day).</summary>
    public static string WeeklyThreadName(WeeklyBriefing briefing)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        return $"Questions about the weekly briefing, {BriefingText.ShortDate(briefing.WeekEnd)}";
    }

    /// <summary>The name of the thread opened on the post (Discord allows 100 characters).</summary>
    public static string ThreadName(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return $"Questions about the {EditionText.Date(edition.Date)} digest";
    }
}
