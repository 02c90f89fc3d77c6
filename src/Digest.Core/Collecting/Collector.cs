using System.Threading.Channels;
using Digest.Core.Articles;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Collecting;

/// <summary>
/// One collection run: fetch every due feed concurrently (politely per host, bounded overall, under a deadline),
/// store each feed's new articles with their stories as it arrives, and record each feed's health. A failing feed is
/// logged and backed off, never fatal.
/// </summary>
public sealed class Collector(
    IFeedFetcher fetcher,
    IFeedStore feeds,
    IArticleStore articles,
    CollectOptions options,
    TimeProvider time,
    ILogger<Collector> logger)
{
    private static readonly TimeSpan StoryMemory = TimeSpan.FromDays(7);

    private const int ParsedWaiting = 8;

    /// <summary>
    /// Collects the service's feeds: their health, validators and the run's report are remembered. The feeds of
    /// <paramref name="alsoRead"/> (the weekly briefing's own sources) are read and remembered alike, but left out of the
    /// report: it is the daily's data overview, and a day of arXiv would swamp its "fetched".
    /// </summary>
    public Task<CollectReport> CollectAsync(
        IReadOnlyList<FeedSource> sources, IProgress<PipelineProgress>? progress, CancellationToken ct, IReadOnlyList<FeedSource>? alsoRead = null) =>
        RunAsync(sources, alsoRead ?? [], progress, remember: true, ct);

    /// <summary>
    /// Reads a one-off list (<c>generate --feeds</c>): every feed fetched afresh, and only its articles are stored, so
    /// the service's collect report and its feeds' health and back-off stay as they were.
    /// </summary>
    public Task<CollectReport> ReadOnceAsync(IReadOnlyList<FeedSource> sources, IProgress<PipelineProgress>? progress, CancellationToken ct) =>
        RunAsync(sources, [], progress, remember: false, ct);

    private async Task<CollectReport> RunAsync(
        IReadOnlyList<FeedSource> counted, IReadOnlyList<FeedSource> alsoRead, IProgress<PipelineProgress>? progress, bool remember, CancellationToken ct)
    {
        // A feed on both lists is a counted one.
        var countedUrls = counted.Select(f => f.Url).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var extra = alsoRead.Where(f => !countedUrls.Contains(f.Url)).DistinctBy(f => f.Url, StringComparer.OrdinalIgnoreCase).ToList();
        var uncounted = extra.Select(f => f.Url).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sources = counted.Concat(extra).ToList();
        var startedAt = time.GetUtcNow();
        var health = remember ? await feeds.GetHealthAsync(ct) : new Dictionary<string, FeedHealth>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Deadline);
        // Stops the fetching when storing fails: nothing would take its results.
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(ct);

        // Feeds are fetched and parsed concurrently; each is stored as soon as it arrives, one at a time, so a crash keeps
        // whole feeds. A few parsed feeds may wait for the store; more wait with their fetch slot held, so a run never
        // holds every feed's items at once.
        var arrived = Channel.CreateBounded<Fetched>(new BoundedChannelOptions(ParsedWaiting) { SingleReader = true });
        var done = 0;
        var fetching = Task.Run(
            async () =>
            {
                try
                {
                    await HostLanes.RunAsync(sources, s => s.Url, options.PerHost, options.MaxConcurrency, async (source, token) =>
                    {
                        var before = health.GetValueOrDefault(source.Url) ?? FeedHealth.New(source.Url);
                        var result = await FetchOneAsync(source, before, startedAt, deadline.Token, token);
                        await arrived.Writer.WriteAsync(new Fetched(source, before, result), token);
                        progress?.Report(new PipelineProgress("feeds", Interlocked.Increment(ref done), sources.Count));
                    }, abandon.Token);
                }
                finally
                {
                    arrived.Writer.Complete();
                }
            },
            CancellationToken.None);

        var tally = new CollectTally();
        var alsoReadTally = new CollectTally();
        var stories = new StoryAssigner(articles, time.GetUtcNow() - StoryMemory);
        try
        {
            await foreach (var fetched in arrived.Reader.ReadAllAsync(ct))
            {
                var after = await StoreAsync(fetched, uncounted.Contains(fetched.Source.Url) ? alsoReadTally : tally, stories, startedAt, ct);
                if (remember)
                {
                    // Articles first, validators after: a crash in between must not turn the feed's next answer into a
                    // 304 for items that were never stored.
                    await feeds.SaveHealthAsync(after, ct);
                }
            }
        }
        finally
        {
            await abandon.CancelAsync();
            await fetching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await fetching;

        var report = tally.Report(startedAt, time.GetUtcNow(), sources.Count - uncounted.Count);
        if (remember)
        {
            await feeds.SaveReportAsync(report, ct);
        }
        logger.LogInformation(
            "Collected {sources_ok}/{sources_total} sources, {items} items, {new_articles} new articles",
            report.SourcesOk, report.SourcesTotal, report.ItemsFetched, report.NewArticles);
        if (uncounted.Count > 0)
        {
            var weekly = alsoReadTally.Report(startedAt, time.GetUtcNow(), uncounted.Count);
            logger.LogInformation(
                "Collected {weekly_sources_ok}/{weekly_sources_total} weekly briefing sources, {weekly_items} items, {weekly_new_articles} new articles",
                weekly.SourcesOk, weekly.SourcesTotal, weekly.ItemsFetched, weekly.NewArticles);
        }
        return report;
    }

    /// <summary>One feed's result: its new articles stored with their stories in one go, and its health as it is now.</summary>
    private async Task<FeedHealth> StoreAsync(Fetched fetched, CollectTally tally, StoryAssigner stories, DateTimeOffset startedAt, CancellationToken ct)
    {
        var (source, before, result) = fetched;
        var now = time.GetUtcNow();
        switch (result.Status)
        {
            case FeedFetchStatus.Ok:
                var fresh = result.Items
                    .Select(item => Normalize(item, source, now, firstRead: before.LastSuccessAt is null))
                    .OfType<NewArticle>()
                    .ToList();
                var stored = await stories.StoreAsync(fresh, ct);
                tally.Succeeded(result.Items.Count, stored);
                LogSkipped(source, result);
                return before.Succeeded(result.ETag, result.LastModified, result.Items.Count, now);
            case FeedFetchStatus.NotModified:
                tally.Succeeded(before.LastItemCount, 0);
                return before.Succeeded(result.ETag ?? before.ETag, result.LastModified ?? before.LastModified, before.LastItemCount, now);
            default:
                var error = result.Error ?? "unknown error";
                tally.Failed(new FeedFailure(source.Url, error));
                logger.LogWarning("Feed {feed_url} failed ({failures} in a row): {error}", source.Url, before.ConsecutiveFailures + 1, error);
                return before.IsDue(startedAt) ? before.Failed(error, now, result.RetryAfter) : before;
        }
    }

    private async Task<FeedFetchResult> FetchOneAsync(FeedSource source, FeedHealth health, DateTimeOffset now, CancellationToken deadline, CancellationToken ct)
    {
        if (!health.IsDue(now))
        {
            return FeedFetchResult.Failure($"backing off after {health.ConsecutiveFailures} failures until {health.NextAttemptAt:u}: {health.LastError}");
        }
        try
        {
            return await fetcher.FetchAsync(source, health, deadline);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return FeedFetchResult.Failure($"not done by the run's deadline ({options.Deadline.TotalSeconds:0} s)");
        }
#pragma warning disable CA1031 // A fetcher bug must cost one feed, not the run.
        catch (Exception ex) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Fetching {feed_url} threw", source.Url);
            return FeedFetchResult.Failure($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private void LogSkipped(FeedSource source, FeedFetchResult result)
    {
        if (result.Skipped > 0)
        {
            logger.LogInformation("Feed {feed_url}: {skipped} of its items have no usable link and were skipped", source.Url, result.Skipped);
        }
    }

    /// <summary>
    /// Canonical URL, title, text, and a date in UTC, never in the future. An undated item on a feed's first read may be
    /// months old, so its date stays unknown; one that appears in a feed we already read is as new as when we saw it.
    /// </summary>
    internal static NewArticle? Normalize(FetchedItem item, FeedSource source, DateTimeOffset now, bool firstRead)
    {
        Uri.TryCreate(source.Url, UriKind.Absolute, out var feedUri);
        var url = CanonicalUrl.Normalize(item.Url, feedUri);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }
        var text = item.Text?.Trim() ?? string.Empty;
        var title = item.Title.Trim();
        if (title.Length == 0)
        {
            title = text.Length > 0 ? Shorten(text.Split('\n')[0], 100) : url;
        }
        var published = item.PublishedAt?.ToUniversalTime() ?? (firstRead ? null : now);
        if (published > now)
        {
            published = now;
        }
        var guid = string.IsNullOrWhiteSpace(item.Guid) ? null : item.Guid.Trim();
        return new NewArticle(url, guid, source.Url, source.Title, title, text, published, now)
        {
            Enclosure = item.Enclosure,
            Duration = item.Duration,
        };
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + "…";

    private sealed record Fetched(FeedSource Source, FeedHealth Health, FeedFetchResult Result);
}
