using System.Diagnostics;
using System.Globalization;

namespace Digest.Bench;

/// <summary>Prints "name: value" lines, one figure each, so a run's output can go straight into a note.</summary>
internal static class Figures
{
    public static void Print(string name, object value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {value}"));

    public static void Heading(string scenario) => Console.WriteLine($"== {scenario}");

    /// <summary>"min / median / max unit" of several runs' figures.</summary>
    public static string Spread(IEnumerable<double> values, string format, string unit)
    {
        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"{sorted[0].ToString(format, CultureInfo.InvariantCulture)} / {median.ToString(format, CultureInfo.InvariantCulture)} / {sorted[^1].ToString(format, CultureInfo.InvariantCulture)} {unit}");
    }

    public static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    public static long PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / (1024 * 1024);
    }
}
