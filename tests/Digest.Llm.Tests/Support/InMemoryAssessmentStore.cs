using System.Collections.Concurrent;
using Digest.Core.Assessing;

namespace Digest.Llm.Tests.Support;

/// <summary>Assessments kept by (article, model, prompt version), never overwritten, as the SQLite store keeps them.</summary>
public sealed class InMemoryAssessmentStore : IAssessmentStore
{
    private readonly ConcurrentDictionary<(long, string, string), Assessment> _assessments = new();
    private readonly ConcurrentDictionary<(long, string, string, string), Writeup> _writeups = new();

    public IReadOnlyList<Assessment> All => [.. _assessments.Values.OrderBy(a => a.ArticleId)];

    public Task<IReadOnlyList<long>> GetUnassessedAsync(IReadOnlyCollection<long> articleIds, string modelId, string promptVersion, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<long>>(articleIds.Where(id => !_assessments.ContainsKey((id, modelId, promptVersion))).ToList());

    public Task SaveAsync(IReadOnlyList<Assessment> assessments, CancellationToken ct)
    {
        foreach (var a in assessments)
        {
            _assessments.TryAdd((a.ArticleId, a.ModelId, a.PromptVersion), a);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<long, Assessment>> GetAsync(IReadOnlyCollection<long> articleIds, string preferredModelId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<long, Assessment>>(_assessments.Values
            .Where(a => articleIds.Contains(a.ArticleId))
            .GroupBy(a => a.ArticleId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.ModelId == preferredModelId).ThenByDescending(a => a.AssessedAt).First()));

    public Task<Writeup?> GetWriteupAsync(long articleId, string modelId, string promptVersion, string language, CancellationToken ct) =>
        Task.FromResult(_writeups.GetValueOrDefault((articleId, modelId, promptVersion, language)));

    public Task SaveWriteupAsync(Writeup writeup, CancellationToken ct)
    {
        _writeups.TryAdd((writeup.ArticleId, writeup.ModelId, writeup.PromptVersion, writeup.Language), writeup);
        return Task.CompletedTask;
    }
}
