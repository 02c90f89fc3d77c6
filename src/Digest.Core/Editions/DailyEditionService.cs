using System.Globalization;
using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Editions;

/// <summary>Composes and stores today's daily edition from stored articles and assessments.</summary>
public sealed class DailyEditionService(
    IArticleStore articles,
    IAssessmentStore assessments,
    IFeedStore feeds,
    FeedCatalog catalog,
    IEditionStore editions,
    AssessmentService assessment,
    EditionOptions defaults,
    ILlmUsageLog usage,
    TimeProvider time,
    ILogger<DailyEditionService> logger)
{
    // One composition at a time in this process: the planner, /digest requests and send --now share the result.
    private readonly SemaphoreSlim _composing = new(1, 1);

    /// <summary>Whether the latest stored daily edition was composed within <paramref name="maxAge"/>.</summary>
    public async Task<bool> HasFreshAsync(TimeSpan maxAge, CancellationToken ct) =>
        IsFresh(await editions.GetLatestAsync(EditionKind.Daily, ct), maxAge);

    /// <summary>
    /// The latest stored daily edition when it was composed within <paramref name="maxAge"/>; otherwise composes and
    /// stores a fresh one (assessments and write-ups are stored per article, so this costs at most a highlights call).
    /// Null only on a fresh install before a collect has read any feed: an edition of nothing helps nobody.
    /// </summary>
    public async Task<Edition?> GetFreshAsync(TimeSpan maxAge, CancellationToken ct)
    {
        await _composing.WaitAsync(ct);
        try
        {
            var latest = await editions.GetLatestAsync(EditionKind.Daily, ct);
            if (IsFresh(latest, maxAge))
            {
                return latest;
            }
            if (latest is null && await feeds.GetLatestReportAsync(ct) is not { SourcesOk: > 0 })
            {
                return null;
            }
            var fresh = await ComposeAsync(null, null, ct);
            logger.LogInformation(
                "Composed edition {edition_id} for this delivery slot; the latest was {age}", fresh.Id,
                latest is null ? "none" : $"{(time.GetUtcNow() - latest.GeneratedAt).TotalMinutes:F0} min old");
            return fresh;
        }
        finally
        {
            _composing.Release();
        }
    }

    private bool IsFresh([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] Edition? edition, TimeSpan maxAge) =>
        edition is not null && time.GetUtcNow() - edition.GeneratedAt <= maxAge;

    /// <summary>
    /// The feeds an edition is made of: a one-off list's own, or else the service's — those it follows and those it has
    /// collected (they have a health record). A one-off list's articles are stored but leave no record, so they stay out.
    /// The weekly briefing's own sources are collected too, but belong to the weekly: never in a daily.
    /// </summary>
    private async Task<HashSet<string>> FeedsOfAsync(EditionRequest? request, CancellationToken ct)
    {
        if (request?.Feeds is { } list)
        {
            return list.Select(f => f.Url).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        var urls = (await catalog.GetAsync(ct)).Select(f => f.Url).ToHashSet(StringComparer.OrdinalIgnoreCase);
        urls.UnionWith((await feeds.GetHealthAsync(ct)).Keys);
        urls.ExceptWith(await catalog.GetWeeklyOnlyAsync(ct));
        return urls;
    }

    public async Task<Edition> ComposeAsync(EditionRequest? request, IProgress<PipelineProgress>? progress, CancellationToken ct)
    {
        var window = request?.Window ?? defaults.Window;
        var top = request?.Top ?? defaults.Top;
        var language = request?.Language ?? defaults.Language;
        var now = time.GetUtcNow();

        var feedUrls = await FeedsOfAsync(request, ct);
        var inWindow = (await articles.GetSinceAsync(now - window, ct)).Where(a => feedUrls.Contains(a.FeedUrl)).ToList();
        await assessment.AssessAsync(inWindow, progress, ct);
        var scores = await assessments.GetAsync(inWindow.Select(a => a.Id).ToList(), assessment.Assessor.ModelId, ct);
        // A one-off edition (generate) is read whole, never cut per subscriber: it needs no reserve.
        var reserve = request?.Store == false ? 0 : defaults.Reserve;
        var main = EditionSelection.Select(inWindow, scores, top, defaults.PerSourceCap);
        var picked = main.Concat(EditionSelection.SelectReserve(inWindow, scores, main, reserve, defaults.PerSourceCap)).ToList();

        var written = new (Article, Assessment, Writeup)[picked.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, picked.Count),
            new ParallelOptions { MaxDegreeOfParallelism = assessment.MaxConcurrency, CancellationToken = ct },
            async (i, token) =>
            {
                var (article, score) = picked[i];
                written[i] = (article, score, await assessment.GetWriteupAsync(article, score, language, token));
                progress?.Report(new PipelineProgress("write-ups", Interlocked.Increment(ref done), picked.Count));
            });

        var highlights = await assessment.WriteHighlightsAsync(
            written.Take(main.Count).Select(w => new HighlightInput(w.Item1.Title, w.Item1.Source, w.Item2.Category, w.Item2.Keywords, w.Item3.Summary)).ToList(),
            language,
            ct);
        var report = request?.Feeds is null ? await feeds.GetLatestReportAsync(ct) : request.Report;
        var context = new EditionContext(
            now,
            language,
            window,
            defaults.MustReads,
            report?.SourcesOk ?? 0,
            report?.SourcesTotal ?? 0,
            report?.ItemsFetched ?? 0,
            inWindow.Count);
        var storySources = inWindow
            .GroupBy(a => a.StoryId)
            .Where(g => g.Skip(1).Any())
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.Source).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        var composed = EditionComposer.Compose(written.Take(main.Count).ToList(), highlights, context, written.Skip(main.Count).ToList(), storySources);
        var stored = request?.Store != false;
        composed = composed with { Stats = composed.Stats with { Llm = await CountCostAsync(stored, now, ct) } };
        var edition = stored ? await editions.SaveAsync(composed, ct) : composed;
        logger.LogInformation(
            "Daily edition for {date} ({stored}): {selected} of {in_window} articles in the window, {llm_calls} LLM calls, {llm_tokens} tokens",
            edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), edition.Id == 0 ? "not stored" : $"stored as {edition.Id}",
            edition.Items.Count, inWindow.Count, edition.Stats.Llm.Calls, edition.Stats.Llm.Tokens);
        return edition;
    }

    /// <summary>
    /// What an edition spent. A stored one counts from where the previous stored one stopped counting, so the collect
    /// job's scoring in between is counted once, with this composition's write-ups and highlights. A one-off counts the
    /// calls of its own composition only, from its start on.
    /// </summary>
    private async Task<LlmCost> CountCostAsync(bool stored, DateTimeOffset started, CancellationToken ct)
    {
        var counted = time.GetUtcNow();
        DateTimeOffset since;
        DateTimeOffset until;
        if (stored)
        {
            var previous = await editions.GetLatestAsync(EditionKind.Daily, ct);
            // An edition stored before costs were kept has no CountedUntil: its start is the nearest boundary it left.
            since = previous?.Stats.Llm.CountedUntil ?? previous?.GeneratedAt ?? DateTimeOffset.MinValue;
            until = counted;
        }
        else
        {
            since = started;
            // No later edition starts where a one-off stops, so it takes everything to now, the call recorded in
            // this very millisecond included.
            until = DateTimeOffset.MaxValue;
        }
        return new LlmCost(await usage.GetByPurposeAsync(since, until, ct)) { CountedUntil = counted };
    }
}

/// <summary>Per-run overrides of <see cref="EditionOptions"/> (from the CLI).</summary>
/// <param name="Store">False for one-off editions (`digest generate`): they must not replace the day's edition that
/// subscribers receive.</param>
/// <param name="Feeds">A one-off list to compose from instead of the service's feeds (`generate --feeds`).</param>
/// <param name="Report">That list's own collect report, for the data overview.</param>
public sealed record EditionRequest(
    TimeSpan? Window = null,
    int? Top = null,
    string? Language = null,
    bool Store = true,
    IReadOnlyList<FeedSource>? Feeds = null,
    CollectReport? Report = null);
