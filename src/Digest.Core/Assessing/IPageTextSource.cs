namespace Digest.Core.Assessing;

/// <summary>Fetches a web page's readable text, for feeds that carry only a snippet.</summary>
public interface IPageTextSource
{
    /// <summary>The page's main text and the date it states, or null when it cannot be fetched or read.</summary>
    Task<PageText?> GetPageAsync(string url, CancellationToken ct);
}

/// <summary>
/// A page's readable text, its publication date when the page states one (meta tags, JSON-LD, &lt;time&gt;), and its
/// title when the reader found one.
/// </summary>
public sealed record PageText(string Text, DateTimeOffset? PublishedAt, string? Title = null);
