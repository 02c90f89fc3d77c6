using Digest.Charts;
using Digest.Core.Rendering;
using Digest.Telegram.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Telegram.Tests.Rendering;

public class TelegramRenderingServicesTests
{
    [Fact]
    public void The_container_resolves_one_telegram_renderer_with_the_chart_renderer()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddDigestCharts()
            .AddTelegramRendering()
            .AddTelegramRendering()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var renderer = Assert.Single(provider.GetServices<IEditionRenderer>());
        Assert.IsType<TelegramEditionRenderer>(renderer);
        Assert.Equal("telegram", renderer.Platform);
        Assert.IsType<ScottPlotChartRenderer>(provider.GetRequiredService<IChartRenderer>());
    }
}
