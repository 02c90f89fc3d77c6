using Digest.Core.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Telegram.Rendering;

public static class TelegramRenderingServices
{
    /// <summary>Registers the Telegram edition renderer; it needs an <see cref="IChartRenderer"/> (AddDigestCharts).</summary>
    public static IServiceCollection AddTelegramRendering(this IServiceCollection services)
    {
        services.TryAddSingleton(TelegramRenderLimits.Telegram);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEditionRenderer, TelegramEditionRenderer>());
        return services;
    }
}
