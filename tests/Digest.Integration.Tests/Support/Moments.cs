namespace Digest.Integration.Tests.Support;

/// <summary>Short names for the instants and days of the schedule tests (all in 2026, before the real now).</summary>
public static class Moments
{
    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    public static DateOnly Day(int month, int day) => new(2026, month, day);

    /// <summary>Seeded articles stay in the edition's window for a week of simulated days.</summary>
    public static Dictionary<string, string?> WeekLongWindow() => new() { ["Edition:Window"] = "7.00:00:00" };
}
