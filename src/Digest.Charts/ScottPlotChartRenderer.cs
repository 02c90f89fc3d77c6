using Digest.Core.Editions;
using Digest.Core.Rendering;
using ScottPlot;
using SkiaSharp;

namespace Digest.Charts;

/// <summary>
/// The edition's charts as one PNG: category share as a donut on the left, top keywords as horizontal bars on
/// the right. Always <see cref="Width"/>×<see cref="Height"/>; with nothing to draw, a small "No articles" image.
/// </summary>
public sealed class ScottPlotChartRenderer : IChartRenderer
{
    public const int Width = 1200;
    public const int Height = 600;
    public const int EmptyWidth = 400;
    public const int EmptyHeight = 200;

    public byte[] RenderPng(EditionStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var categories = stats.Categories.Where(c => c.Count > 0).ToList();
        if (categories.Count == 0 && stats.Keywords.Count == 0)
        {
            return Png(EmptyWidth, EmptyHeight, ChartPlots.Message("No articles"));
        }
        return Png(Width, Height, ChartPlots.CategoryShare(categories), ChartPlots.TopKeywords(stats.Keywords));
    }

    /// <summary>Draws the plots side by side, each clipped to its own column, and encodes the canvas as PNG.</summary>
    private static byte[] Png(int width, int height, params Plot[] plots)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height))
            ?? throw new InvalidOperationException($"Could not create a {width}x{height} drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var column = (float)width / plots.Length;
        for (var i = 0; i < plots.Length; i++)
        {
            // A plot paints its background over the whole canvas unless clipped to its column.
            canvas.Save();
            canvas.ClipRect(new SKRect(i * column, 0, (i + 1) * column, height));
            plots[i].Render(canvas, new PixelRect(i * column, (i + 1) * column, height, 0));
            canvas.Restore();
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
