using Digest.Core.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Charts;

public static class ChartServices
{
    /// <summary>Registers the ScottPlot chart renderer as <see cref="IChartRenderer"/>.</summary>
    public static IServiceCollection AddDigestCharts(this IServiceCollection services)
    {
        services.TryAddSingleton<IChartRenderer, ScottPlotChartRenderer>();
        return services;
    }
}
