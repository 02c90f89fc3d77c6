using Digest.Core.Rendering;
using Digest.Discord.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Discord.Tests.Rendering;

public class DiscordRenderingServicesTests
{
    [Fact]
    public void The_container_resolves_one_discord_renderer()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IChartRenderer>(new FakeChartRenderer())
            .AddDiscordRendering()
            .AddDiscordRendering()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var renderer = Assert.Single(provider.GetServices<IEditionRenderer>());
        Assert.IsType<DiscordEditionRenderer>(renderer);
        Assert.Equal("discord", renderer.Platform);
    }
}
