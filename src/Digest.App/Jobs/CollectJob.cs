using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Quartz;

namespace Digest.App.Jobs;

/// <summary>Collects every feed and assesses what is new, so composing later needs no waiting on the LLM.</summary>
[DisallowConcurrentExecution]
internal sealed class CollectJob(
    FeedCatalog catalog,
    Collector collector,
    IArticleStore articles,
    AssessmentService assessment,
    EditionOptions edition,
    TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await collector.CollectAsync(await catalog.GetAsync(ct), null, ct);
        var inWindow = await articles.GetSinceAsync(time.GetUtcNow() - edition.Window, ct);
        await assessment.AssessAsync(inWindow, null, ct);
    }
}
