namespace Digest.Core.Weekly;

/// <summary>
/// Writes the weekly briefing's sections from the week's material. The LLM writer answers in a strict schema; the
/// offline writer (<see cref="OfflineBriefingWriter"/>) always returns every section.
/// </summary>
public interface IBriefingWriter
{
    string ModelId { get; }

    /// <summary>
    /// Writes <paramref name="sections"/> (every section on the first call; the missing ones on a retry). The material's
    /// article text is data to write about, never instructions.
    /// </summary>
    Task<BriefingDraft> WriteAsync(WeeklyMaterial material, IReadOnlySet<BriefingSection> sections, CancellationToken ct);
}
