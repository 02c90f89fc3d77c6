using System.Globalization;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Weekly;

/// <summary>Composes and stores the weekly briefing: the week's material, written up by <see cref="BriefingAuthor"/>.</summary>
public sealed class WeeklyEditionService(
    WeeklyMaterialBuilder materials,
    BriefingAuthor author,
    IFeedStore feeds,
    IEditionStore editions,
    ILlmUsageLog usage,
    EditionOptions defaults,
    TimeProvider time,
    ILogger<WeeklyEditionService> logger)
{
    // One composition at a time in this process: every zone's delivery slot that day shares the result.
    private readonly SemaphoreSlim _composing = new(1, 1);

    /// <summary>
    /// The latest stored weekly edition when it was composed within <paramref name="maxAge"/>; otherwise composes and
    /// stores a fresh one. Null when the week holds nothing to write about (a fresh install before its first collect).
    /// </summary>
    public async Task<Edition?> GetFreshAsync(TimeSpan maxAge, CancellationToken ct)
    {
        await _composing.WaitAsync(ct);
        try
        {
            var latest = await editions.GetLatestAsync(EditionKind.Weekly, ct);
            if (latest is not null && time.GetUtcNow() - latest.GeneratedAt <= maxAge)
            {
                return latest;
            }
            return await ComposeAsync(new WeeklyRequest(), null, ct);
        }
        finally
        {
            _composing.Release();
        }
    }

    /// <summary>Composes the briefing of the seven days up to now; stores it unless asked not to. Null for an empty week.</summary>
    public async Task<Edition?> ComposeAsync(WeeklyRequest request, IProgress<PipelineProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetUtcNow();
        var language = request.Language ?? defaults.Language;
        var material = await materials.BuildAsync(language, progress, ct);
        if (material.Stories.Count + material.Papers.Count == 0)
        {
            logger.LogInformation("No weekly briefing: nothing was collected in the seven days up to {date}", material.WeekEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return null;
        }
        progress?.Report(new PipelineProgress("weekly briefing", 0, 1));
        var briefing = await author.WriteAsync(material, ct);
        progress?.Report(new PipelineProgress("weekly briefing", 1, 1));

        var report = await feeds.GetLatestReportAsync(ct);
        var counted = time.GetUtcNow();
        // Its own composition's calls: the collect job's scoring is counted by the daily editions.
        var cost = new LlmCost(await usage.GetByPurposeAsync(started, request.Store ? counted : DateTimeOffset.MaxValue, ct)) { CountedUntil = counted };
        var edition = Edition(material, briefing, report, cost, started);
        if (request.Store)
        {
            edition = await editions.SaveAsync(edition, ct);
        }
        logger.LogInformation(
            "Weekly edition for {date} ({stored}): {cited} articles cited of {in_window} in the week, offline sections: {offline}, {llm_calls} LLM calls, {llm_tokens} tokens",
            edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), edition.Id == 0 ? "not stored" : $"stored as {edition.Id}",
            edition.Items.Count, edition.Stats.ArticlesInWindow, briefing.OfflineSections.Count == 0 ? "none" : string.Join(", ", briefing.OfflineSections),
            cost.Calls, cost.Tokens);
        return edition;
    }

    private static Edition Edition(WeeklyMaterial material, WeeklyBriefing briefing, CollectReport? report, LlmCost cost, DateTimeOffset now)
    {
        var byId = material.All.GroupBy(i => i.ArticleId).ToDictionary(g => g.Key, g => g.First());
        var items = briefing.Cited().Select((id, index) => byId[id] with { Rank = index + 1, MustRead = false, MustReadRank = 0 }).ToList();
        var categories = items.GroupBy(i => i.Category)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new CategoryCount(g.Key, g.Count())).ToList();
        var keywords = items.SelectMany(i => i.Keywords.Select(k => k.Trim().ToLowerInvariant()).Distinct())
            .Where(k => k.Length > 0)
            .GroupBy(k => k, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeywordCount(g.Key, g.Count())).ToList();
        var inWeek = material.Stories.Count + material.Coverage.Count + material.Episodes.Count + material.Papers.Count;
        var stats = new EditionStats(
            report?.SourcesOk ?? 0, report?.SourcesTotal ?? 0, report?.ItemsFetched ?? 0, inWeek, WeeklyMaterialBuilder.Week, items.Count, categories, keywords)
        { Llm = cost };
        return new Edition(
            0,
            EditionKind.Weekly,
            material.WeekEnd,
            now,
            material.Language,
            AssessedOffline: briefing.OfflineSections.Count > 0,
            briefing.Thesis.Text,
            items,
            stats)
        { Briefing = briefing };
    }
}

/// <summary>Per-run overrides (from the CLI).</summary>
/// <param name="Store">False for `digest generate --weekly`: a look at the week must not replace the one subscribers get.</param>
public sealed record WeeklyRequest(string? Language = null, bool Store = true);
