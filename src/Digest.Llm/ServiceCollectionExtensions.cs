using Digest.Llm.Answering;
using Digest.Llm.Chat;
using Digest.Llm.Http;
using Digest.Llm.Settings;
using Digest.Llm.Weekly;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Digest.Llm;

public static class ServiceCollectionExtensions
{
    /// <summary>The named HttpClient that carries every LLM call, with the retry pipeline on it.</summary>
    public const string HttpClientName = "llm";

    /// <summary>
    /// Binds and validates the "Llm" section, registers the "llm" HttpClient with its resilience pipeline and
    /// <see cref="LlmAssessor"/> as itself. The app picks it as the IAssessor when <see cref="LlmOptions.IsConfigured"/>,
    /// else the core's OfflineAssessor; likewise <see cref="LlmAnswerer"/> as the IAnswerer, else the core's OfflineAnswerer,
    /// and <see cref="LlmSettingsReader"/> as the ISettingsReader, else the core's GrammarSettingsReader.
    /// Needs an ILlmUsageLog (storage registers it) and a TimeProvider.
    /// </summary>
    public static IServiceCollection AddDigestLlm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmOptions>().Bind(configuration.GetSection(LlmOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);

        // The pipeline times each attempt; the assessor keeps its client for life, so pooled connections are
        // renewed instead of the handler, which keeps DNS changes visible.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RedactLoggedHeaders(_ => true)
            .AddResilienceHandler("llm", LlmResilience.Configure);

        services.TryAddSingleton<LlmConnection>();
        services.TryAddSingleton<LlmAssessor>();
        services.TryAddSingleton<LlmAnswerer>();
        services.TryAddSingleton<LlmBriefingWriter>();
        services.TryAddSingleton<LlmSettingsReader>();
        return services;
    }
}
