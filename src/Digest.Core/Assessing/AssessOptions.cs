using System.ComponentModel.DataAnnotations;

namespace Digest.Core.Assessing;

/// <summary>How assessment batches its calls (bound from the "Llm" section).</summary>
public sealed class AssessOptions
{
    /// <summary>Articles per scoring call: a bigger batch spreads the instructions over more articles.</summary>
    [Range(1, 50)]
    public int BatchSize { get; set; } = 25;

    /// <summary>
    /// The core's side of Llm:MaxConcurrency: scoring batches and write-ups at once. The LLM adapter holds every request
    /// to the same number, whichever job sends it, so this one key bounds the LLM calls in flight.
    /// </summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Feeds that carry only a snippet shorter than this get the page's readable text fetched for the write-up.</summary>
    [Range(0, 100_000)]
    public int SnippetThreshold { get; set; } = 600;
}
