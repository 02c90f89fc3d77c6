namespace Digest.Core.Assessing;

/// <summary>Fetches a web page's readable text, for feeds that carry only a snippet.</summary>
public interface IPageTextSource
{
    /// <summary>The page's main text, or null when it cannot be fetched or read.</summary>
    Task<string?> GetReadableTextAsync(string url, CancellationToken ct);
}
