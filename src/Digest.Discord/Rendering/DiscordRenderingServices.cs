using Digest.Core.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Discord.Rendering;

public static class DiscordRenderingServices
{
    /// <summary>Registers the Discord edition renderer; it needs an <see cref="IChartRenderer"/> (AddDigestCharts).</summary>
    public static IServiceCollection AddDiscordRendering(this IServiceCollection services)
    {
        services.TryAddSingleton(DiscordRenderLimits.Discord);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEditionRenderer, DiscordEditionRenderer>());
        return services;
    }
}
