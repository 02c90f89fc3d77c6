using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Llm.Chat;
using Digest.Llm.Prompts;
using Digest.Llm.Scoring;
using Digest.Llm.Writing;
using Microsoft.Extensions.Logging;

namespace Digest.Llm;

/// <summary>
/// Assesses through any OpenAI-compatible endpoint with Semantic Kernel. Every answer is validated; an article
/// without a valid answer after one retry is left out (the core assesses it offline), and a call that yields
/// nothing usable throws (the core falls back for the whole batch, write-up or highlights).
/// </summary>
public sealed class LlmAssessor : IAssessor
{
    private readonly LlmChat _chat;
    private readonly TimeProvider _time;
    private readonly ILogger<LlmAssessor> _logger;

    public LlmAssessor(LlmConnection llm, TimeProvider time, ILogger<LlmAssessor> logger)
    {
        ModelId = llm.ModelId;
        _time = time;
        _logger = logger;
        _chat = llm.Open(logger, "assess with the offline assessor");
    }

    public string ModelId { get; }

    /// <summary>
    /// Both stored prompts: the core looks write-ups up by this version too, so a change to either prompt must
    /// change it, or old write-ups would be served as new ones.
    /// </summary>
    public string PromptVersion { get; } = $"{Prompt.Score.Version}+{Prompt.Writeup.Version}";

    public async Task<IReadOnlyList<Assessment>> ScoreAsync(IReadOnlyList<Article> batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var found = new Dictionary<long, ScoredItem>();
        IReadOnlyList<Article> pending = batch;
        // One retry, for the articles the first answer did not cover validly.
        for (var attempt = 1; attempt <= 2 && pending.Count > 0; attempt++)
        {
            IReadOnlyList<ScoredItem>? answered;
            try
            {
                answered = await ScoreOnceAsync(pending, ct);
            }
#pragma warning disable CA1031 // A failed retry must not throw away the valid items of the first answer.
            catch (Exception) when (found.Count > 0 && !ct.IsCancellationRequested)
#pragma warning restore CA1031
            {
                break;
            }
            foreach (var item in answered ?? [])
            {
                found.TryAdd(item.Id, item);
            }
            pending = pending.Where(a => !found.ContainsKey(a.Id)).ToList();
            if (pending.Count > 0 && attempt == 1)
            {
                _logger.LogInformation("{model_id} gave no valid score for {missing} of {count} articles; asking again for those", ModelId, pending.Count, batch.Count);
            }
        }
        if (found.Count == 0 && batch.Count > 0)
        {
            throw new LlmAnswerException($"{ModelId} gave no valid score for any of {batch.Count} articles in two answers.");
        }
        var now = _time.GetUtcNow();
        return batch
            .Where(a => found.ContainsKey(a.Id))
            .Select(a => found[a.Id])
            .Select(s => new Assessment(s.Id, s.Relevance, s.Quality, s.Timeliness, s.Category, s.Keywords, ModelId, PromptVersion, now))
            .ToList();
    }

    public async Task<Writeup> WriteUpAsync(Article article, Assessment assessment, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(assessment);
        var system = Prompt.Writeup.For(OutputLanguage.Describe(language));
        var user = WriteupRequest.UserMessage(article);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var answer = await _chat.AskAsync(Prompt.Writeup, system, user, temperature: 0.3, c => WriteupAnswer.Read(c, assessment.Keywords), ct);
            if (answer is not null)
            {
                return new Writeup(article.Id, answer.Summary, answer.WhyRead, answer.Tags, language, ModelId, PromptVersion);
            }
        }
        throw new LlmAnswerException($"{ModelId} gave no valid write-up for article {article.Id} in two answers.");
    }

    public async Task<string> WriteHighlightsAsync(IReadOnlyList<HighlightInput> selected, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selected);
        var system = Prompt.Highlights.For(OutputLanguage.Describe(language));
        if (selected.Count == 0)
        {
            // Nothing to write about: the offline wording says so without spending a call.
            throw new LlmAnswerException("No articles were selected, so there is nothing to highlight.");
        }
        var user = HighlightsRequest.UserMessage(selected);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            if (await _chat.AskAsync(Prompt.Highlights, system, user, temperature: 0.5, HighlightsAnswer.Read, ct) is { } paragraph)
            {
                return paragraph;
            }
        }
        throw new LlmAnswerException($"{ModelId} gave no valid highlights paragraph in two answers.");
    }

    private Task<IReadOnlyList<ScoredItem>?> ScoreOnceAsync(IReadOnlyList<Article> articles, CancellationToken ct)
    {
        var ids = articles.Select(a => a.Id).ToHashSet();
        return _chat.AskAsync(
            Prompt.Score,
            Prompt.Score.Text,
            ScoreRequest.UserMessage(articles),
            temperature: 0.2,
            content => ScoreAnswer.Read(content, ids) is { Count: > 0 } items ? items : null,
            ct,
            ScoreRequest.ResponseFormat(articles.Count));
    }
}
