using Digest.Core;
using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Editions;

namespace Digest.App.Jobs;

/// <summary>
/// Collects every feed (the daily ones and the weekly briefing's sources), then assesses the daily feeds' articles in
/// the edition window, so composing later waits on no LLM call. The weekly-only sources (a day of arXiv is hundreds of
/// papers) are left to the weekly composer, which scores them offline. The schedule's collect and
/// <c>digest send --now</c> (when no edition is fresh) both run exactly this.
/// </summary>
internal sealed class CollectAndAssess(
    FeedCatalog catalog,
    Collector collector,
    IArticleStore articles,
    AssessmentService assessment,
    EditionOptions edition,
    TimeProvider time)
{
    public async Task<CollectReport> RunAsync(IProgress<PipelineProgress>? progress, CancellationToken ct)
    {
        var feeds = await catalog.GetCollectedAsync(ct);
        var report = await collector.CollectAsync(feeds.Daily, progress, ct, alsoRead: feeds.WeeklyOnlyFeeds);
        var weeklyOnly = await catalog.GetWeeklyOnlyAsync(ct);
        var inWindow = (await articles.GetSinceAsync(time.GetUtcNow() - edition.Window, ct))
            .Where(a => !weeklyOnly.Contains(a.FeedUrl))
            .ToList();
        await assessment.AssessAsync(inWindow, progress, ct);
        return report;
    }
}
