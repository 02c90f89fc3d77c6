using System.ComponentModel.DataAnnotations;

namespace Digest.Core.Assessing;

/// <summary>How assessment batches its calls (bound from the "Llm" section).</summary>
public sealed class AssessOptions
{
    [Range(1, 50)]
    public int BatchSize { get; set; } = 10;

    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Feeds that carry only a snippet shorter than this get the page's readable text fetched for the write-up.</summary>
    [Range(0, 100_000)]
    public int SnippetThreshold { get; set; } = 600;
}
