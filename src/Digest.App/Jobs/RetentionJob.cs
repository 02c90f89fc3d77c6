using Digest.Core.Retention;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Digest.App.Jobs;

/// <summary>Deletes what <see cref="RetentionOptions"/> no longer keeps, so the database stops growing with time.</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(IRetentionStore store, RetentionOptions options, TimeProvider time, ILogger<RetentionJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        try
        {
            var pruned = await store.PruneAsync(now - TimeSpan.FromDays(options.Days), now - TimeSpan.FromDays(options.ArticleDays), ct);
            logger.LogInformation(
                "Retention pruned {total} rows: {outbox_rows} outbox rows, {deliveries} deliveries, {message_contents} message bodies, "
                + "{collect_reports} collect reports, {usage_rows} usage rows, {editions} editions, {articles} articles",
                pruned.Total, pruned.OutboxRows, pruned.Deliveries, pruned.MessageContents, pruned.CollectReports, pruned.UsageRows,
                pruned.Editions, pruned.Articles);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping; pruning is idempotent and runs again after the next start.
        }
#pragma warning disable CA1031 // Keeping rows longer than configured harms nothing; a failed prune must not stop the service.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Pruning old rows failed; trying again in {every}", options.Every);
        }
    }
}
