using Digest.Core.Editions;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Rendering;

/// <summary>
/// The chart every chat renderer sends first. It is a bonus: a host without a working image stack still gets the
/// digest as text, so a failure of the drawing library is logged and costs only the chart.
/// </summary>
public static partial class EditionChart
{
    /// <summary>The PNG, or null when the edition has no articles or drawing failed.</summary>
    public static byte[]? TryRender(IChartRenderer charts, Edition edition, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(charts);
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(logger);
        if (edition.Items.Count == 0)
        {
            return null;
        }
        try
        {
            return charts.RenderPng(edition.Stats);
        }
#pragma warning disable CA1031 // any failure of the drawing library must not cost the edition
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogChartFailed(logger, edition.Id, ex);
            return null;
        }
    }

    public static string FileName(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return $"digest-{EditionText.Date(edition.Date)}.png";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chart for edition {edition_id} failed; sending text only")]
    private static partial void LogChartFailed(ILogger logger, long edition_id, Exception exception);
}
