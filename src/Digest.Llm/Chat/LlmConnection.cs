using Digest.Core.Assessing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Llm.Chat;

/// <summary>
/// The configured model, which each LLM port (scoring, answers, settings, the weekly briefing) opens its chat on: the
/// one place that builds the Semantic Kernel service and refuses to without a key.
/// </summary>
public sealed class LlmConnection(IOptions<LlmOptions> options, IHttpClientFactory httpClients, ILlmUsageLog usage, TimeProvider time, ILoggerFactory loggers)
{
    public string ModelId => options.Value.Model;

    /// <summary>A chat whose calls are logged by <paramref name="logger"/>; <paramref name="offlineWay"/> says what to use instead without a key.</summary>
    internal LlmChat Open(ILogger logger, string offlineWay)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException($"Llm:ApiKey is not set: {offlineWay} instead.");
        }
        return new LlmChat(ChatService.Create(settings, httpClients, loggers), settings.Model, usage, time, logger);
    }
}
