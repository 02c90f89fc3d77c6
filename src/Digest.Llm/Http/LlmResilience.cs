using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Digest.Llm.Http;

/// <summary>
/// The retries Semantic Kernel leaves out: given an HttpClient it sets the SDK's own retries to zero, so this
/// pipeline on the "llm" client is all there is. Outside in: a cap on requests in flight, retries of 429, 5xx,
/// timeouts and network errors with exponential back-off or the server's Retry-After, and a timeout per attempt.
/// </summary>
internal static class LlmResilience
{
    /// <summary>A Retry-After longer than this means a spent quota, not a busy minute: give up and let the core go offline.</summary>
    internal static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(90);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<LlmOptions>>().Value;
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LlmResilience).FullName!);

        // Waits on the network are wall-clock waits, also when a test or a replay injects a fake clock.
        var clock = TimeProvider.System;
        builder.TimeProvider = clock;
        builder.AddConcurrencyLimiter(options.MaxConcurrency, queueLimit: int.MaxValue);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    && !(RetryAfter.Of(args.Outcome.Result, clock.GetUtcNow()) > LongestWait)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Of(args.Outcome.Result, clock.GetUtcNow())),
                OnRetry = args =>
                {
                    logger.LogWarning("LLM request failed ({outcome}); retry {attempt} of {max_retries} in {delay_s:0.0} s",
                        args.Outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : args.Outcome.Exception?.GetType().Name,
                        args.AttemptNumber + 1, options.MaxRetries, args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddTimeout(options.Timeout);
    }
}
