using System.Collections.Concurrent;
using Digest.Core.Articles;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Assessing;

/// <summary>
/// Assesses each article once per (model, prompt version): batches to the configured assessor and falls back to the
/// offline one for whatever the LLM could not answer, so a run always ends with every article assessed.
/// </summary>
public sealed class AssessmentService(
    IAssessor assessor,
    OfflineAssessor offline,
    IAssessmentStore store,
    IArticleStore articles,
    IPageTextSource pages,
    AssessOptions options,
    ILogger<AssessmentService> logger)
{
    // The collect job and the compose job may both assess the same new articles; one pass at a time keeps it once.
    private readonly SemaphoreSlim _onePass = new(1, 1);

    public IAssessor Assessor => assessor;

    /// <summary>Whether an LLM assesses (an API key is configured), rather than the offline assessor alone.</summary>
    public bool UsesLlm => !ReferenceEquals(assessor, offline);

    /// <summary>Calls to the assessor at once (Llm:MaxConcurrency), for whoever fans out work that calls it.</summary>
    public int MaxConcurrency => options.MaxConcurrency;

    public async Task<AssessReport> AssessAsync(IReadOnlyList<Article> candidates, IProgress<PipelineProgress>? progress, CancellationToken ct)
    {
        await _onePass.WaitAsync(ct);
        try
        {
            return await AssessPendingAsync(candidates, progress, ct);
        }
        finally
        {
            _onePass.Release();
        }
    }

    private async Task<AssessReport> AssessPendingAsync(IReadOnlyList<Article> candidates, IProgress<PipelineProgress>? progress, CancellationToken ct)
    {
        var ids = (await store.GetUnassessedAsync(candidates.Select(a => a.Id).ToList(), assessor.ModelId, assessor.PromptVersion, ct)).ToHashSet();
        var pending = candidates.Where(a => ids.Contains(a.Id)).ToList();
        if (pending.Count == 0)
        {
            return new AssessReport(0, 0, 0);
        }
        if (!UsesLlm)
        {
            // One call over all of them: the batch is the offline keyword extractor's corpus.
            await store.SaveAsync(await offline.ScoreAsync(pending, ct), ct);
            progress?.Report(new PipelineProgress("assess", pending.Count, pending.Count));
            return new AssessReport(0, 0, pending.Count);
        }

        var batches = pending.Chunk(options.BatchSize).ToList();
        var byLlm = 0;
        var byOffline = 0;
        var done = 0;
        var fallbacks = new ConcurrentBag<Article>();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = ct },
            async (batch, token) =>
            {
                var scored = KeywordPadding.Pad(await TryScoreAsync(batch, token), batch);
                await store.SaveAsync(scored, token);
                Interlocked.Add(ref byLlm, scored.Count);
                var answered = scored.Select(a => a.ArticleId).ToHashSet();
                foreach (var missing in batch.Where(a => !answered.Contains(a.Id)))
                {
                    fallbacks.Add(missing);
                }
                progress?.Report(new PipelineProgress("llm batches", Interlocked.Increment(ref done), batches.Count));
            });

        if (!fallbacks.IsEmpty)
        {
            var rest = fallbacks.OrderBy(a => a.Id).ToList();
            logger.LogWarning("{count} articles could not be assessed by {model_id}; assessing them offline", rest.Count, assessor.ModelId);
            await store.SaveAsync(await offline.ScoreAsync(rest, ct), ct);
            byOffline = rest.Count;
        }
        return new AssessReport(batches.Count, byLlm, byOffline);
    }

    /// <summary>The batch's valid assessments by the LLM; none when the call failed (the caller assesses those offline).</summary>
    private Task<IReadOnlyList<Assessment>> TryScoreAsync(Article[] batch, CancellationToken ct) =>
        LlmOrOffline.RunAsync<IReadOnlyList<Assessment>>(
            usesLlm: true,
            async () =>
            {
                var ids = batch.Select(a => a.Id).ToHashSet();
                return (await assessor.ScoreAsync(batch, ct)).Where(a => ids.Contains(a.ArticleId)).DistinctBy(a => a.ArticleId).ToList();
            },
            () => Task.FromResult<IReadOnlyList<Assessment>>([]),
            $"Scoring a batch of {batch.Length}", assessor.ModelId, logger, ct);

    /// <summary>The write-up of a selected article: stored once per language, written by the LLM or else offline.</summary>
    public async Task<Writeup> GetWriteupAsync(Article article, Assessment assessment, string language, CancellationToken ct)
    {
        var writer = assessment.IsOffline ? offline : assessor;
        var existing = await store.GetWriteupAsync(article.Id, writer.ModelId, writer.PromptVersion, language, ct);
        if (existing is not null)
        {
            return existing;
        }
        var full = await WithPageTextAsync(article, ct);
        var writeup = await LlmOrOffline.RunAsync(
            !ReferenceEquals(writer, offline),
            () => writer.WriteUpAsync(full, assessment, language, ct),
            () => offline.WriteUpAsync(full, assessment, language, ct),
            $"Write-up of article {article.Id}", writer.ModelId, logger, ct);
        await store.SaveWriteupAsync(writeup, ct);
        return writeup;
    }

    public Task<string> WriteHighlightsAsync(IReadOnlyList<HighlightInput> selected, string language, CancellationToken ct) =>
        LlmOrOffline.RunAsync(
            UsesLlm,
            () => assessor.WriteHighlightsAsync(selected, language, ct),
            () => offline.WriteHighlightsAsync(selected, language, ct),
            "Highlights", assessor.ModelId, logger, ct);

    private async Task<Article> WithPageTextAsync(Article article, CancellationToken ct)
    {
        if (article.Text.Length >= options.SnippetThreshold)
        {
            return article;
        }
        if (await pages.GetPageAsync(article.CanonicalUrl, ct) is not { } page)
        {
            return article;
        }
        var text = string.IsNullOrWhiteSpace(page.Text) || page.Text.Length <= article.Text.Length ? null : page.Text;
        var date = article.PublishedAt is null ? page.PublishedAt?.ToUniversalTime() : null;
        if (text is null && date is null)
        {
            return article;
        }
        await articles.UpdateFromPageAsync(article.Id, text, date, ct);
        return article with { Text = text ?? article.Text, PublishedAt = article.PublishedAt ?? date };
    }
}

/// <summary>What an assessment pass did: LLM batches sent, articles assessed by the LLM and offline.</summary>
public sealed record AssessReport(int Batches, int ByLlm, int Offline);
