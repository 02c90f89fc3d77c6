using Digest.Core.Assessing;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Weekly;

/// <summary>
/// Gets a whole briefing written, never one with a section missing: the configured writer writes every section; what
/// does not hold (<see cref="BriefingCheck"/>) is asked for once more, alone; what is still missing is written offline
/// from the articles the kept sections left unused, and named as written offline.
/// </summary>
public sealed class BriefingAuthor(IBriefingWriter writer, OfflineBriefingWriter offline, ILogger<BriefingAuthor> logger)
{
    private bool UsesLlm => !ReferenceEquals(writer, offline);

    public async Task<WeeklyBriefing> WriteAsync(WeeklyMaterial material, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(material);
        var kept = new BriefingDraft();
        var missing = BriefingRules.Every;
        // The first call, then one retry for the sections that did not hold.
        for (var attempt = 0; attempt < 2 && UsesLlm && missing.Count > 0; attempt++)
        {
            var asked = missing;
            // A retry offers only what the kept sections left, so the model cannot pick an article already told.
            var offered = attempt == 0 ? material : Unused(material, kept);
            var answer = await LlmOrOffline.RunAsync(
                true,
                () => writer.WriteAsync(offered, asked, ct),
                () => Task.FromResult(new BriefingDraft()),
                attempt == 0 ? "Weekly briefing" : $"Weekly briefing, again for {string.Join(", ", asked)}",
                writer.ModelId,
                logger,
                ct);
            kept = BriefingCheck.Keep(answer, material, kept);
            missing = BriefingCheck.Missing(kept);
            if (missing.Count > 0)
            {
                logger.LogWarning("The weekly briefing's answer lacked or broke {sections}", string.Join(", ", missing));
            }
        }
        var offlineSections = missing.ToList();
        if (missing.Count > 0)
        {
            // Only what the kept sections have not told yet, so no article is told twice.
            var left = Unused(material, kept);
            kept = BriefingCheck.Keep(await offline.WriteAsync(left, missing, ct), left, kept);
        }
        return Complete(kept, material, offlineSections);
    }

    private static WeeklyMaterial Unused(WeeklyMaterial material, BriefingDraft kept)
    {
        var told = BriefingCheck.Told(kept);
        return material with
        {
            Stories = material.Stories.Where(i => !told.Contains(i.ArticleId)).ToList(),
            Coverage = material.Coverage.Where(i => !told.Contains(i.ArticleId)).ToList(),
            Episodes = material.Episodes.Where(i => !told.Contains(i.ArticleId)).ToList(),
            Papers = material.Papers.Where(i => !told.Contains(i.ArticleId)).ToList(),
        };
    }

    private static WeeklyBriefing Complete(BriefingDraft draft, WeeklyMaterial material, IReadOnlyList<BriefingSection> offlineSections)
    {
        if (BriefingCheck.Missing(draft) is { Count: > 0 } missing)
        {
            // The offline writer fills every section from any material with one story: only a week of nothing gets here.
            throw new InvalidOperationException($"The weekly briefing could not be completed: {string.Join(", ", missing)} missing.");
        }
        return new WeeklyBriefing(
            material.WeekStart,
            material.WeekEnd,
            draft.Thesis!,
            draft.WatchAndListen!,
            draft.Takeaways!,
            draft.BigStory!,
            draft.AlsoThisWeek!,
            draft.FromTheLab!,
            draft.WorthReading!,
            draft.Signal!,
            offlineSections);
    }
}
