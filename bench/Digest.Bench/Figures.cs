using System.Diagnostics;
using System.Globalization;

namespace Digest.Bench;

/// <summary>Prints "name: value" lines, one figure each, so a run's output can go straight into a note.</summary>
internal static class Figures
{
    public static void Print(string name, object value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {value}"));

    public static void Heading(string scenario) => Console.WriteLine($"== {scenario}");

    public static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    public static long PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / (1024 * 1024);
    }
}
