using System.Buffers.Binary;
using Digest.Core.Articles;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Digest.Charts.Tests;

public class ScottPlotChartRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static EditionStats Stats(int categories, int keywords) => new(
        89, 92, 2542, 26, TimeSpan.FromHours(24), 15,
        [.. Categories.All.Take(categories).Select((c, i) => new CategoryCount(c, 6 - i))],
        [.. Enumerable.Range(1, keywords).Select(i => new KeywordCount(i == 3 ? "a very long keyword phrase that goes on and on" : $"keyword {i}", 13 - i))]);

    /// <summary>Width and height from the IHDR chunk, which always follows the signature.</summary>
    private static (int Width, int Height) Size(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));

    /// <summary>How many distinct colours a decoded image has: a blank canvas has one.</summary>
    private static int Colours(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        return bitmap.Pixels.Distinct().Count();
    }

    [Theory]
    [InlineData(4, 12)]
    [InlineData(6, 10)]
    [InlineData(1, 1)]
    [InlineData(4, 0)]
    [InlineData(0, 5)]
    public void Charts_are_a_png_of_the_fixed_size(int categories, int keywords)
    {
        var png = new ScottPlotChartRenderer().RenderPng(Stats(categories, keywords));

        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal((ScottPlotChartRenderer.Width, ScottPlotChartRenderer.Height), Size(png));
        Assert.True(Colours(png) > 10, "the chart should draw something");
    }

    [Fact]
    public void Empty_stats_give_a_small_valid_png()
    {
        var png = new ScottPlotChartRenderer().RenderPng(Stats(0, 0));

        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal((ScottPlotChartRenderer.EmptyWidth, ScottPlotChartRenderer.EmptyHeight), Size(png));
        Assert.True(Colours(png) > 1, "the image should say there were no articles");
    }

    [Fact]
    public void Categories_with_no_articles_do_not_count_as_content()
    {
        var stats = Stats(0, 0) with { Categories = [new CategoryCount(Category.AiMl, 0)] };

        var png = new ScottPlotChartRenderer().RenderPng(stats);

        Assert.Equal((ScottPlotChartRenderer.EmptyWidth, ScottPlotChartRenderer.EmptyHeight), Size(png));
    }

    [Fact]
    public void The_same_stats_draw_the_same_image()
    {
        var renderer = new ScottPlotChartRenderer();

        Assert.Equal(renderer.RenderPng(Stats(4, 12)), renderer.RenderPng(Stats(4, 12)));
    }

    [Fact]
    public void The_container_resolves_the_chart_renderer()
    {
        using var provider = new ServiceCollection().AddDigestCharts().BuildServiceProvider();

        Assert.IsType<ScottPlotChartRenderer>(provider.GetRequiredService<IChartRenderer>());
    }
}
