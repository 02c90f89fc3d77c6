using System.ComponentModel.DataAnnotations;

namespace Digest.Core.Editions;

/// <summary>How the daily edition selects (bound from the "Edition" section; the CLI overrides some per run).</summary>
public sealed class EditionOptions
{
    /// <summary>How far back articles count, by publication time.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    [Range(1, 100)]
    public int Top { get; set; } = 15;

    /// <summary>At most this many articles from one source, so one prolific blog cannot fill the edition.</summary>
    [Range(1, 100)]
    public int PerSourceCap { get; set; } = 3;

    [Range(0, 10)]
    public int MustReads { get; set; } = 3;

    /// <summary>
    /// Picks written up beyond <see cref="Top"/>, to fill a subscriber's cut in place of articles they were already sent
    /// (after a /digest, or when editions overlap). Each costs one write-up, once per article.
    /// </summary>
    [Range(0, 50)]
    public int Reserve { get; set; } = 5;

    /// <summary>The language the LLM writes summaries and highlights in.</summary>
    [Required]
    public string Language { get; set; } = "en";
}
