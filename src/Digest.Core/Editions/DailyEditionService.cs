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
    IEditionStore editions,
    AssessmentService assessment,
    EditionOptions defaults,
    TimeProvider time,
    ILogger<DailyEditionService> logger)
{
    /// <summary>
    /// Composes today's edition if the time of day <paramref name="composeAt"/> (UTC) has passed and it has not been
    /// composed since: at the scheduled time, or on start after the host was down then. Returns it, or null.
    /// </summary>
    public async Task<Edition?> ComposeIfDueAsync(TimeOnly composeAt, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(composeAt), TimeSpan.Zero);
        if (now < due)
        {
            return null;
        }
        // An edition made earlier today, before the compose time, is not today's scheduled one.
        var latest = await editions.GetLatestAsync(EditionKind.Daily, ct);
        return latest is null || latest.GeneratedAt < due ? await ComposeAsync(null, null, ct) : null;
    }

    public async Task<Edition> ComposeAsync(EditionRequest? request, IProgress<PipelineProgress>? progress, CancellationToken ct)
    {
        var window = request?.Window ?? defaults.Window;
        var top = request?.Top ?? defaults.Top;
        var language = request?.Language ?? defaults.Language;
        var now = time.GetUtcNow();

        var inWindow = await articles.GetSinceAsync(now - window, ct);
        await assessment.AssessAsync(inWindow, progress, ct);
        var scores = await assessments.GetAsync(inWindow.Select(a => a.Id).ToList(), assessment.Assessor.ModelId, ct);
        var picked = EditionSelection.Select(inWindow, scores, top, defaults.PerSourceCap);

        var written = new (Article, Assessment, Writeup)[picked.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, picked.Count),
            new ParallelOptions { MaxDegreeOfParallelism = defaults.WriteupConcurrency, CancellationToken = ct },
            async (i, token) =>
            {
                var (article, score) = picked[i];
                written[i] = (article, score, await assessment.GetWriteupAsync(article, score, language, token));
                progress?.Report(new PipelineProgress("write-ups", Interlocked.Increment(ref done), picked.Count));
            });

        var highlights = await assessment.WriteHighlightsAsync(
            written.Select(w => new HighlightInput(w.Item1.Title, w.Item1.Source, w.Item2.Category, w.Item2.Keywords, w.Item3.Summary)).ToList(),
            language,
            ct);
        var report = await feeds.GetLatestReportAsync(ct);
        var context = new EditionContext(
            now,
            language,
            window,
            defaults.MustReads,
            report?.SourcesOk ?? 0,
            report?.SourcesTotal ?? 0,
            report?.ItemsFetched ?? 0,
            inWindow.Count);
        var composed = EditionComposer.Compose(written, highlights, context);
        var edition = request?.Store == false ? composed : await editions.SaveAsync(composed, ct);
        logger.LogInformation(
            "Daily edition for {Date} ({Stored}): {Selected} of {InWindow} articles in the window",
            edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), edition.Id == 0 ? "not stored" : $"stored as {edition.Id}",
            edition.Items.Count, inWindow.Count);
        return edition;
    }
}

/// <summary>Per-run overrides of <see cref="EditionOptions"/> (from the CLI).</summary>
/// <param name="Store">False for one-off editions (`digest generate`): they must not replace the day's edition that
/// subscribers receive.</param>
public sealed record EditionRequest(TimeSpan? Window = null, int? Top = null, string? Language = null, bool Store = true);
