using Digest.Core.Articles;

namespace Digest.Core.Assessing;

/// <summary>
/// Scores and writes about articles. Two implementations: the LLM one and <see cref="OfflineAssessor"/>.
/// Article text handed in is untrusted data; implementations keep it out of their instructions.
/// </summary>
public interface IAssessor
{
    string ModelId { get; }

    string PromptVersion { get; }

    /// <summary>
    /// Scores a batch. May return fewer assessments than articles (items it could not get a valid answer for);
    /// the caller assesses those offline. An assessment may name a single keyword; the caller tops it up to two.
    /// Throws when the whole batch failed.
    /// </summary>
    Task<IReadOnlyList<Assessment>> ScoreAsync(IReadOnlyList<Article> batch, CancellationToken ct);

    Task<Writeup> WriteUpAsync(Article article, Assessment assessment, string language, CancellationToken ct);

    /// <summary>The day's highlights paragraph over the selected articles.</summary>
    Task<string> WriteHighlightsAsync(IReadOnlyList<HighlightInput> selected, string language, CancellationToken ct);
}

public sealed record HighlightInput(string Title, string Source, Category Category, IReadOnlyList<string> Keywords, string Summary);
