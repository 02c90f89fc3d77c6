using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Feeds;
using Digest.Llm;
using Digest.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.App.Hosting;

/// <summary>The one place that wires the core to its adapters.</summary>
internal static class DigestServices
{
    /// <summary>Set (e.g. by --offline) to assess offline even when an LLM key is configured.</summary>
    public const string OfflineKey = "Llm:Offline";

    public static IServiceCollection AddDigestPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSectionOptions<CollectOptions>(configuration, "Feeds");
        services.AddSectionOptions<AssessOptions>(configuration, "Llm");
        services.AddSectionOptions<EditionOptions>(configuration, "Edition");

        services.AddDigestStorage(configuration);
        services.AddDigestFeeds(configuration);
        services.AddDigestLlm(configuration);

        services.AddSingleton<OfflineAssessor>();
        services.AddSingleton<IAssessor>(sp =>
        {
            var llm = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            return llm.IsConfigured && !configuration.GetValue<bool>(OfflineKey)
                ? sp.GetRequiredService<LlmAssessor>()
                : sp.GetRequiredService<OfflineAssessor>();
        });
        services.AddSingleton<FeedCatalog>();
        services.AddSingleton<Collector>();
        services.AddSingleton<AssessmentService>();
        services.AddSingleton<DailyEditionService>();
        return services;
    }
}
