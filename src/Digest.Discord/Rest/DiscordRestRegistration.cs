using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Discord.Rest;

/// <summary>The one <see cref="DiscordRestClient"/>: our HttpClient, no HTTP logging, options checked at start.</summary>
internal static class DiscordRestRegistration
{
    private const string HttpClientName = "Digest.Discord";

    /// <summary>Binding <see cref="DiscordOptions"/> to configuration is the caller's.</summary>
    public static IServiceCollection AddDiscordRestClient(this IServiceCollection services)
    {
        services.AddOptions<DiscordOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // Webhook and interaction tokens are part of request URLs, so the factory's request logging must never see them.
        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(3))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        // A singleton: the learned buckets and any global pause must be shared by every caller.
        services.TryAddSingleton(sp => new DiscordRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>()));
        return services;
    }
}
