using Microsoft.Extensions.Logging;

namespace Digest.Core.Assessing;

/// <summary>
/// The one "LLM, else offline" rule, shared by scoring, write-ups, highlights, answers and settings: the configured
/// model is asked first, and any failure of it (a timeout, a 5xx after retries, junk, a refused language) but the
/// caller's own cancellation is logged in one shape and answered the offline way. Without a model configured, only the
/// offline way runs. Which implementation is configured is the composition root's choice, so nothing here asks what
/// type an implementation is.
/// </summary>
public static class LlmOrOffline
{
    public static async Task<T> RunAsync<T>(
        bool usesLlm, Func<Task<T>> llm, Func<Task<T>> offline, string task, string modelId, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(llm);
        ArgumentNullException.ThrowIfNull(offline);
        ArgumentNullException.ThrowIfNull(logger);
        if (!usesLlm)
        {
            return await offline();
        }
        try
        {
            return await llm();
        }
#pragma warning disable CA1031 // Whatever the model did wrong, the offline way answers: that is the rule.
        catch (Exception ex) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogWarning("{task} with {model_id} failed, done offline instead: {error}", task, modelId, ex.Message);
            return await offline();
        }
    }
}
