using Digest.App.Cli;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;

namespace Digest.Integration.Tests.Pipeline;

[Collection(nameof(ProcessWideCollection))]
public sealed class GenerateWeeklyCommandTests
{
    [Fact]
    public async Task Generate_weekly_collects_both_lists_and_writes_the_briefing_without_storing_it()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TestDirectory();
        await using var server = await FeedServer.StartAsync(guard.Token);
        var (_, settings) = BriefingWeek.Publish(server, dir.Path, DateTimeOffset.UtcNow);
        var output = Path.Combine(dir.Path, "weekly.md");
        var variables = new Dictionary<string, string?>
        {
            ["DIGEST__STORAGE__PATH"] = dir.DatabasePath,
            ["DIGEST__FEEDS__OPML"] = settings["Feeds:Opml"],
            ["DIGEST__FEEDS__WEEKLYOPML"] = settings["Feeds:WeeklyOpml"],
        };
        var previous = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        int exitCode;
        try
        {
            foreach (var (key, value) in variables)
            {
                Environment.SetEnvironmentVariable(key, value);
            }
            exitCode = await GenerateCommand.RunAsync(new CliArguments(["--weekly", "--offline", "--out", output]), guard.Token);
        }
        finally
        {
            foreach (var (key, value) in previous)
            {
                Environment.SetEnvironmentVariable(key, value);
            }
        }

        Assert.Equal(0, exitCode);
        var markdown = await File.ReadAllTextAsync(output, guard.Token);
        Assert.StartsWith("# 📰 Weekly Briefing", markdown, StringComparison.Ordinal);
        // Both lists were collected: the podcast's episodes and the papers are in it.
        Assert.Contains("https://latent.example/notion", markdown, StringComparison.Ordinal);
        Assert.Contains("arXiv 2611.01411", markdown, StringComparison.Ordinal);
        Assert.Contains("https://nvidianews.example/ising", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_weekly_refuses_the_daily_only_options_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<CliException>(() => GenerateCommand.RunAsync(new CliArguments(["--weekly", "--top", "5"]), CancellationToken.None));

        Assert.Contains("--top", error.Message, StringComparison.Ordinal);
    }
}
