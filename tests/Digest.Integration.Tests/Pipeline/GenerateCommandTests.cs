using System.Globalization;
using System.Text.RegularExpressions;
using Digest.App.Cli;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Feeds.FeedLists;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;

namespace Digest.Integration.Tests.Pipeline;

/// <summary>
/// Tests that set process-wide state (environment variables read by the app's configuration): they run alone,
/// after the parallel tests, and put everything back.
/// </summary>
[CollectionDefinition(nameof(ProcessWideCollection), DisableParallelization = true)]
public sealed class ProcessWideCollection;

[Collection(nameof(ProcessWideCollection))]
public sealed partial class GenerateCommandTests
{
    private const string StoragePathVariable = "DIGEST__STORAGE__PATH";

    [GeneratedRegex(@"^### \d+\. ", RegexOptions.Multiline)]
    private static partial Regex NumberedArticle();

    [Fact]
    public async Task Generate_with_an_opml_file_writes_a_digest_of_at_most_top_articles_from_the_window_to_the_out_file()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var ct = guard.Token;
        using var dir = new TestDirectory();
        await using var server = await FeedServer.StartAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var sources = FixtureFeed.PublishAll(server, Feeds, now);
        var opml = Path.Combine(dir.Path, "feeds.opml");
        await File.WriteAllTextAsync(opml, Opml.Write(sources, "Generate test"), ct);
        var output = Path.Combine(dir.Path, "out", "digest.md");

        int exitCode;
        var previous = Environment.GetEnvironmentVariable(StoragePathVariable);
        try
        {
            Environment.SetEnvironmentVariable(StoragePathVariable, dir.DatabasePath);
            exitCode = await GenerateCommand.RunAsync(
                new CliArguments(["--feeds", opml, "--out", output, "--offline", "--hours", "48", "--top", "5"]), ct);
        }
        finally
        {
            Environment.SetEnvironmentVariable(StoragePathVariable, previous);
        }

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(dir.DatabasePath), "the run used the database named by DIGEST__STORAGE__PATH");
        Assert.True(File.Exists(output));
        var markdown = await File.ReadAllTextAsync(output, ct);
        // The header, dated with the run's UTC day (either side of midnight, should the test run across it).
        var days = new[] { now, DateTimeOffset.UtcNow }.Select(d => d.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Contains(days, day => markdown.StartsWith($"# 📰 AI Daily Digest — {day}\n", StringComparison.Ordinal));
        Assert.Contains("> Assessed offline", markdown, StringComparison.Ordinal);
        // --top 5 out of twelve: five numbered articles, ranks 1 to 5.
        Assert.Equal(["### 1. ", "### 2. ", "### 3. ", "### 4. ", "### 5. "], NumberedArticle().Matches(markdown).Select(m => m.Value));
        // --hours 48: the 30-hour-old article is in the window, the 60-hour-old one is not. Offline, no LLM call: the
        // data overview says so under its table.
        Assert.Contains("| 4/4 | 12 -> 11 | 2d | 5 |\n\nLLM: assessed offline\n\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("| Scanned 4 sources -> 12 articles -> selected 5*\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("A forgotten article", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_with_another_list_digests_that_list_alone_and_leaves_the_services_report_and_feed_health_as_they_were()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var ct = guard.Token;
        using var dir = new TestDirectory();
        await using var server = await FeedServer.StartAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var service = FixtureFeed.PublishAll(server, Feeds[..2], now);
        var other = FixtureFeed.PublishAll(server, Feeds[2..], now);
        CollectReport serviceReport;
        IReadOnlyDictionary<string, FeedHealth> healthBefore;
        await using (var app = await TestApp.StartAsync(dir))
        {
            serviceReport = await app.Get<Collector>().CollectAsync(service, null, ct);
            healthBefore = await app.Get<IFeedStore>().GetHealthAsync(ct);
        }
        var opml = Path.Combine(dir.Path, "other.opml");
        await File.WriteAllTextAsync(opml, Opml.Write(other, "Another list"), ct);
        var output = Path.Combine(dir.Path, "other.md");

        var previous = Environment.GetEnvironmentVariable(StoragePathVariable);
        try
        {
            Environment.SetEnvironmentVariable(StoragePathVariable, dir.DatabasePath);
            Assert.Equal(0, await GenerateCommand.RunAsync(new CliArguments(["--feeds", opml, "--out", output, "--offline", "--hours", "48"]), ct));
        }
        finally
        {
            Environment.SetEnvironmentVariable(StoragePathVariable, previous);
        }

        var markdown = await File.ReadAllTextAsync(output, ct);
        // Its own two feeds and their six articles; nothing of the service's list.
        Assert.Contains("| 2/2 | 6 -> 6 | 2d | 6 |", markdown, StringComparison.Ordinal);
        Assert.Contains("On the culture of code review", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Training a small LLM on one GPU", markdown, StringComparison.Ordinal);
        await using (var app = await TestApp.StartAsync(dir))
        {
            var feeds = app.Get<IFeedStore>();
            Assert.Equal(Said(serviceReport), Said(await feeds.GetLatestReportAsync(ct)));
            Assert.Equal(healthBefore.OrderBy(h => h.Key), (await feeds.GetHealthAsync(ct)).OrderBy(h => h.Key));
            // The service's next edition is made of its own feeds' articles, not the other list's.
            var edition = await app.Get<DailyEditionService>().ComposeAsync(new EditionRequest(TimeSpan.FromHours(48), Store: false), null, ct);
            Assert.NotEmpty(edition.Items);
            Assert.All(edition.Items, i => Assert.Contains(i.Source, new[] { "a.example", "b.example" }));
        }
    }

    /// <summary>What a report says, at the millisecond precision it is stored with.</summary>
    private static object? Said(CollectReport? r) => r is null ? null
        : (r.StartedAt.ToUnixTimeMilliseconds(), r.FinishedAt.ToUnixTimeMilliseconds(), r.SourcesOk, r.SourcesTotal, r.ItemsFetched, r.NewArticles, r.Failures.Count);

    /// <summary>Four feeds of three articles; links relative to the feed server, so write-ups look the pages up there (and find none).</summary>
    private static readonly FixtureFeed[] Feeds =
    [
        new("/cli/a.xml", FeedFormat.Rss20, "a.example", TimeSpan.Zero,
        [
            new("Training a small LLM on one GPU", "/a/llm-one-gpu", TimeSpan.FromHours(1), "<p>We train a GPT model with gradient accumulation on one GPU.</p>"),
            new("Why our database migrations are boring", "/a/boring-migrations", TimeSpan.FromHours(5), "<p>Architecture notes on schema changes and latency.</p>"),
            new("A forgotten article from 60 hours ago", "/a/old", TimeSpan.FromHours(60), "<p>60 hours ago, something happened.</p>"),
        ]),
        new("/cli/b.atom", FeedFormat.Atom, "b.example", TimeSpan.FromHours(3),
        [
            new("Ransomware hits a hospital chain", "/b/ransomware", TimeSpan.FromHours(2), "<p>Attackers exploit a vulnerability to deploy ransomware.</p>"),
            new("Phishing kits now bypass passkeys", "/b/phishing", TimeSpan.FromHours(8), "<p>A phishing attack steals sessions after authentication.</p>"),
            new("Threat report for the quarter", "/b/report", TimeSpan.FromHours(30), "<p>The security team summarizes the quarter's breaches.</p>"),
        ]),
        new("/cli/c.rdf", FeedFormat.Rss10, "c.example", TimeSpan.Zero,
        [
            new("Release notes: our CLI reaches 2.0", "/c/cli-2", TimeSpan.FromHours(4), "<p>The open source tool ships version 2.0 on GitHub.</p>"),
            new("A plugin API for the editor", "/c/plugins", TimeSpan.FromHours(10), "<p>The release adds a plugin framework and a package registry.</p>"),
            new("Benchmarking three JSON parsers", "/c/json", TimeSpan.FromHours(20), "<p>Performance of parsers measured on real payloads.</p>"),
        ]),
        new("/cli/d.json", FeedFormat.JsonFeed, "d.example", TimeSpan.FromHours(-4),
        [
            new("On the culture of code review", "/d/code-review", TimeSpan.FromHours(3), "<p>I think review culture shapes careers more than tools.</p>"),
            new("Leaving management, again", "/d/management", TimeSpan.FromHours(12), "<p>An essay on careers, hiring and management.</p>"),
            new("Notes from a quiet conference", "/d/conference", TimeSpan.FromHours(26), "<p>Thoughts on talks, hallways and the future of conferences.</p>"),
        ]),
    ];
}
