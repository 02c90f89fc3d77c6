using Digest.Core;
using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Editions;

namespace Digest.App.Jobs;

/// <summary>
/// Collects every feed, then assesses what is in the edition window, so composing later waits on no LLM call.
/// The schedule's collect and <c>digest send --now</c> (when no edition is fresh) both run exactly this.
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
        var report = await collector.CollectAsync(await catalog.GetAsync(ct), progress, ct);
        var inWindow = await articles.GetSinceAsync(time.GetUtcNow() - edition.Window, ct);
        await assessment.AssessAsync(inWindow, progress, ct);
        return report;
    }
}
