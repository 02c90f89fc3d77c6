namespace Digest.Core.Assessing;

public interface IAssessmentStore
{
    /// <summary>Of these article ids, the ones with no assessment by (model, prompt version).</summary>
    Task<IReadOnlyList<long>> GetUnassessedAsync(IReadOnlyCollection<long> articleIds, string modelId, string promptVersion, CancellationToken ct);

    /// <summary>Saves assessments; an existing (article, model, prompt version) row is kept, never overwritten.</summary>
    Task SaveAsync(IReadOnlyList<Assessment> assessments, CancellationToken ct);

    /// <summary>For each article, the assessment by the preferred model if there is one, else its newest.</summary>
    Task<IReadOnlyDictionary<long, Assessment>> GetAsync(IReadOnlyCollection<long> articleIds, string preferredModelId, CancellationToken ct);

    Task<Writeup?> GetWriteupAsync(long articleId, string modelId, string promptVersion, string language, CancellationToken ct);

    Task SaveWriteupAsync(Writeup writeup, CancellationToken ct);
}
