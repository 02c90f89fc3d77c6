using System.Globalization;
using Digest.Core.Articles;
using Digest.Core.Editions;
using ScottPlot;
using SkiaSharp;

namespace Digest.Charts;

/// <summary>The plots the chart is made of, in plain-text labels (server fonts rarely carry emoji).</summary>
internal static class ChartPlots
{
    private const int MaxKeywords = 10;
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    // ScottPlot's own default may resolve to a serif face on a bare server; prefer a common sans when installed.
    private static readonly string? SansFont = new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica" }
        .FirstOrDefault(name => SKFontManager.Default.GetFontFamilies().Contains(name, StringComparer.OrdinalIgnoreCase));

    public static Plot CategoryShare(IReadOnlyList<CategoryCount> categories)
    {
        var plot = NewPlot("Category Distribution");
        if (categories.Count == 0)
        {
            return Centered(plot, "No categories");
        }
        var slices = categories
            .Select((c, i) => new PieSlice
            {
                Value = c.Count,
                FillColor = Palette.GetColor(i),
                LegendText = $"{c.Category.Label()} ({c.Count.ToString(CultureInfo.InvariantCulture)})",
            })
            .ToList();
        plot.Add.Pie(slices).DonutFraction = 0.5;
        plot.HideAxesAndGrid();
        plot.Axes.Title.IsVisible = true;
        plot.ShowLegend(Edge.Bottom);
        plot.Axes.SquareUnits();
        return plot;
    }

    public static Plot TopKeywords(IReadOnlyList<KeywordCount> keywords)
    {
        var plot = NewPlot("Top Keywords");
        var top = keywords.Take(MaxKeywords).ToList();
        if (top.Count == 0)
        {
            return Centered(plot, "No keywords");
        }
        // The most mentioned keyword on top: positions count down from the top row.
        var positions = top.Select((_, i) => (double)(top.Count - 1 - i)).ToArray();
        var bars = top
            .Select((k, i) => new Bar
            {
                Position = positions[i],
                Value = k.Count,
                FillColor = Palette.GetColor(0),
                Label = k.Count.ToString(CultureInfo.InvariantCulture),
            })
            .ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        if (SansFont is not null)
        {
            barPlot.ValueLabelStyle.FontName = SansFont;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. top.Select(k => Shorten(k.Keyword))]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Margins(left: 0, right: 0.1, bottom: 0.02, top: 0.02);
        plot.HideGrid();
        return plot;
    }

    public static Plot Message(string text) => Centered(NewPlot(null), text);

    private static Plot NewPlot(string? title)
    {
        var plot = new Plot();
        if (SansFont is not null)
        {
            plot.Font.Set(SansFont);
        }
        if (title is not null)
        {
            plot.Title(title);
        }
        return plot;
    }

    private static Plot Centered(Plot plot, string text)
    {
        var label = plot.Add.Text(text, 0, 0);
        label.LabelFontSize = 20;
        label.LabelAlignment = Alignment.MiddleCenter;
        if (SansFont is not null)
        {
            label.LabelFontName = SansFont;
        }
        plot.HideAxesAndGrid();
        plot.Axes.Title.IsVisible = true;
        plot.Axes.SetLimits(-1, 1, -1, 1);
        return plot;
    }

    // A keyword is feed text: keep the axis readable whatever its length.
    private static string Shorten(string keyword)
    {
        var oneLine = string.Join(' ', keyword.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 28 ? oneLine : oneLine[..27] + "…";
    }
}
