using System.Globalization;
using Digest.Core.Assessing;
using Digest.Integration.Tests.Support;

namespace Digest.Integration.Tests.Cli;

/// <summary><c>digest stats</c> as a user runs it: a child process over a database with recorded LLM usage.</summary>
public sealed class StatsCommandTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Stats_print_the_last_seven_utc_days_per_day_and_purpose_with_a_total_and_the_estimated_cost()
    {
        using var dir = new TestDirectory();
        var now = DateTimeOffset.UtcNow;
        var recent = now.AddHours(-1);
        var earlier = now.AddDays(-2);
        await SeedAsync(dir,
            Call("score", 1000, 200, recent),
            Call("score", 1000, 200, recent),
            Call("writeup", 3000, 800, recent),
            Call("highlights", 400, 100, earlier),
            Call("score", 99_999, 9_999, now.AddDays(-20)));

        var (exit, lines) = await StatsAsync(dir, new() { ["Llm:PricePer1kTokens"] = "0.5" });

        Assert.Equal(0, exit);
        var rows = lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        // The row for the earlier day comes first; a call of 20 days ago is outside the window.
        var table = rows.SkipWhile(r => r.FirstOrDefault() != "day").Take(5).Select(r => string.Join(' ', r)).ToList();
        Assert.Equal(
            [
                "day purpose calls prompt completion tokens est. cost",
                $"{Day(earlier)} highlights 1 400 100 500 $0.25",
                $"{Day(recent)} score 2 2000 400 2400 $1.20",
                $"{Day(recent)} writeup 1 3000 800 3800 $1.90",
                "total 4 5400 1300 6700 $3.35",
            ],
            table);
        Assert.Contains("4 calls, 6.7 k tokens, est. cost $3.35 at $0.50 per 1,000 tokens", lines);
    }

    [Fact]
    public async Task Stats_without_calls_in_the_window_say_so_in_one_line()
    {
        using var dir = new TestDirectory();
        await SeedAsync(dir, Call("score", 100, 10, DateTimeOffset.UtcNow.AddDays(-10)));

        var (exit, lines) = await StatsAsync(dir, [], "--days", "7");

        Assert.Equal(0, exit);
        Assert.Contains("No LLM calls in the last 7 days (assessed offline)", lines);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("367")]
    [InlineData("a week")]
    public async Task Days_outside_one_to_366_are_refused_with_a_clear_line(string days)
    {
        using var dir = new TestDirectory();

        var (exit, lines) = await StatsAsync(dir, [], "--days", days);

        Assert.Equal(2, exit);
        Assert.Equal($"digest: --days must be a whole number from 1 to 366, not '{days}'", lines[0]);
    }

    [Fact]
    public async Task A_negative_price_is_refused_in_one_line_naming_its_key_even_without_an_llm_key()
    {
        using var dir = new TestDirectory();

        var (exit, lines) = await StatsAsync(dir, new() { ["Llm:PricePer1kTokens"] = "-0.1" });

        Assert.Equal(3, exit);
        Assert.Equal(["digest: configuration: Llm:PricePer1kTokens must be between 0 and 1000 (the price of 1,000 tokens)."], lines);
    }

    private static LlmUsage Call(string purpose, int prompt, int completion, DateTimeOffset at) =>
        new("fake-model", purpose, prompt, completion, Succeeded: true, at);

    private static async Task SeedAsync(TestDirectory dir, params LlmUsage[] calls)
    {
        await using var app = await TestApp.StartAsync(dir, delivery: false);
        foreach (var call in calls)
        {
            await app.Get<ILlmUsageLog>().RecordAsync(call, CancellationToken.None);
        }
    }

    private static async Task<(int Exit, string[] Lines)> StatsAsync(TestDirectory dir, Dictionary<string, string?> settings, params string[] args)
    {
        var environment = new Dictionary<string, string>();
        DigestProcess.Add(environment, new Dictionary<string, string?> { ["Storage:Path"] = dir.DatabasePath, ["Llm:ApiKey"] = "" });
        DigestProcess.Add(environment, settings);
        using var stats = DigestProcess.Start(dir.Path, environment, ["stats", .. args]);
        var exit = await stats.WaitForExitAsync(RunLimit);
        return (exit, stats.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
