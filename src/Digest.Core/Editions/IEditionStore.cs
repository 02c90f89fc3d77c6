namespace Digest.Core.Editions;

public interface IEditionStore
{
    /// <summary>Stores a newly composed edition (several a day: one per delivery slot that needs a fresh one) and returns it with its id.</summary>
    Task<Edition> SaveAsync(Edition edition, CancellationToken ct);

    /// <summary>The most recently composed edition of a kind.</summary>
    Task<Edition?> GetLatestAsync(EditionKind kind, CancellationToken ct);

    Task<Edition?> GetAsync(long id, CancellationToken ct);
}
