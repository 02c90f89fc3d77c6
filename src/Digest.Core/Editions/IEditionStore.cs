namespace Digest.Core.Editions;

public interface IEditionStore
{
    /// <summary>Saves an edition and returns it with its id.</summary>
    Task<Edition> SaveAsync(Edition edition, CancellationToken ct);

    Task<Edition?> GetLatestAsync(EditionKind kind, CancellationToken ct);

    Task<Edition?> GetAsync(long id, CancellationToken ct);
}
