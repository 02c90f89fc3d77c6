using System.Reflection;
using Digest.Core.Articles;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;

namespace Digest.Integration.Tests.Pipeline;

public sealed class HostileFeedRunTests
{
    /// <summary>Hostile routes that must end as a failed source, with the words their error has to contain.</summary>
    private static readonly Dictionary<string, string> FailingRoutes = new(StringComparer.Ordinal)
    {
        [HostileFeeds.BillionLaughs] = "DTD declares entities",
        [HostileFeeds.ExternalEntityFile] = "DTD declares entities",
        [HostileFeeds.ExternalEntityUrl] = "DTD declares entities",
        [HostileFeeds.ParameterEntity] = "DTD declares entities",
        [HostileFeeds.Huge] = "Body exceeds the 1 MB limit",
        [HostileFeeds.HugeChunked] = "Body exceeds the 1 MB limit",
        [HostileFeeds.GzipBomb] = "Body exceeds the 1 MB limit, counted after decompression",
        [HostileFeeds.Drip] = "Timed out after 5 s (Feeds:Timeout)",
        [HostileFeeds.RedirectLoop] = "Too many redirects",
        [HostileFeeds.HtmlPage] = "Not a feed",
        [HostileFeeds.EmptyBody] = "Empty response body",
        [HostileFeeds.Truncated] = "Truncated or malformed XML",
        [HostileFeeds.NotFound] = "HTTP 404 Not Found",
        [HostileFeeds.TooManyRequests] = "HTTP 429 Too Many Requests",
        [HostileFeeds.ServerError] = "HTTP 500 Internal Server Error",
    };

    /// <summary>Hostile routes a lenient reader still reads: an ignored external DTD, and lying encodings.</summary>
    private static readonly string[] ReadableRoutes =
    [
        HostileFeeds.ExternalDtd,
        HostileFeeds.Windows1252DeclaredUtf8,
        HostileFeeds.Latin1DeclaredServedUtf8,
    ];

    [Fact]
    public void Every_hostile_route_of_the_test_kit_is_in_the_run()
    {
        var declared = typeof(HostileFeeds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(HostileFeeds.IsHostile)
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, FailingRoutes.Keys.Concat(ReadableRoutes).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_run_over_good_and_hostile_feeds_ends_with_an_edition_of_the_good_articles_and_each_hostile_feed_failed_in_its_own_words()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var ct = guard.Token;
        using var dir = new TestDirectory();
        await using var server = await FeedServer.StartAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var good = FixtureFeed.PublishAll(server, GoodFeeds, now);
        var hostile = FailingRoutes.Keys.Concat(ReadableRoutes)
            .Select(route => new FeedSource(server.Url(route).AbsoluteUri, "hostile " + route))
            .ToList();
        await using var app = await TestApp.StartAsync(dir, PipelineSettings.Fast(), delivery: false);
        var collector = app.Get<Collector>();

        var report = await collector.CollectAsync([.. good, .. hostile], null, ct);
        var edition = await app.Get<DailyEditionService>().ComposeAsync(null, null, ct);
        var markdown = MarkdownRenderer.Render(edition);

        // Sources: the good ones and the readable hostile ones are ok; each other hostile feed failed for its own reason,
        // in one line, and none of them ran into the run's deadline.
        Assert.Equal(good.Count + ReadableRoutes.Length, report.SourcesOk);
        Assert.Equal(good.Count + hostile.Count, report.SourcesTotal);
        var failures = report.Failures.ToDictionary(f => new Uri(f.Url).AbsolutePath, f => f.Error, StringComparer.Ordinal);
        Assert.Equal(FailingRoutes.Keys.Order(StringComparer.Ordinal), failures.Keys.Order(StringComparer.Ordinal));
        Assert.All(FailingRoutes, expected =>
        {
            var error = failures[expected.Key];
            Assert.Contains(expected.Value, error, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error);
            Assert.DoesNotContain("deadline", error, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal(report.SourcesOk, edition.Stats.SourcesOk);
        Assert.Equal(report.SourcesTotal, edition.Stats.SourcesTotal);
        Assert.Contains($"| {report.SourcesOk}/{report.SourcesTotal} |", markdown, StringComparison.Ordinal);

        // Nothing was fetched on a document's say-so, and no local file made it into an article or the digest.
        Assert.Equal(0, server.WatchedUrlHits);
        var stored = await app.Get<IArticleStore>().GetSinceAsync(now.AddDays(-30), ct);
        var everything = string.Join('\n', stored.SelectMany(a => new[] { a.Title, a.Text, a.Guid, a.CanonicalUrl }).Append(markdown));
        Assert.DoesNotContain("root:", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("WATCHED-CONTENT", everything, StringComparison.Ordinal);
        if (File.Exists("/etc/passwd"))
        {
            Assert.DoesNotContain(File.ReadLines("/etc/passwd").First(), everything, StringComparison.Ordinal);
        }

        // Every good article is in the edition.
        var titles = edition.Items.Select(i => i.Title).ToHashSet(StringComparer.Ordinal);
        Assert.All(GoodFeeds.SelectMany(f => f.Items), item => Assert.Contains(item.Title, titles));
    }

    [Fact]
    public async Task Failing_feeds_are_stored_with_a_failure_count_and_a_next_attempt_and_a_second_run_does_not_fetch_them()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var ct = guard.Token;
        using var dir = new TestDirectory();
        await using var server = await FeedServer.StartAsync(ct);
        var good = FixtureFeed.PublishAll(server, GoodFeeds.Take(2), DateTimeOffset.UtcNow);
        var hostile = FailingRoutes.Keys.Select(route => new FeedSource(server.Url(route).AbsoluteUri, "hostile " + route)).ToList();
        await using var app = await TestApp.StartAsync(dir, PipelineSettings.Fast(), delivery: false);
        var collector = app.Get<Collector>();

        var first = await collector.CollectAsync([.. good, .. hostile], null, ct);
        var requestsAfterFirst = FailingRoutes.Keys.ToDictionary(r => r, server.RequestCount, StringComparer.Ordinal);
        var health = await app.Get<IFeedStore>().GetHealthAsync(ct);

        // The first failure waits 15 minutes (the 429's Retry-After of 120 s is shorter, so the back-off stands).
        Assert.All(hostile, source =>
        {
            var h = health[source.Url];
            Assert.Equal(1, h.ConsecutiveFailures);
            Assert.Equal(first.Failures.Single(f => f.Url == source.Url).Error, h.LastError);
            Assert.NotNull(h.NextAttemptAt);
            Assert.InRange(h.NextAttemptAt.Value, first.StartedAt.AddMinutes(15), first.FinishedAt.AddMinutes(15));
            Assert.Null(h.LastSuccessAt);
        });
        Assert.All(good, source => Assert.Equal(0, health[source.Url].ConsecutiveFailures));

        var second = await collector.CollectAsync([.. good, .. hostile], null, ct);

        // The backed-off feeds were not asked again and still count as failed; the good ones were (a conditional GET).
        Assert.All(FailingRoutes.Keys, route => Assert.Equal(requestsAfterFirst[route], server.RequestCount(route)));
        Assert.All(good, source => Assert.Equal(2, server.RequestCount(new Uri(source.Url).AbsolutePath)));
        Assert.Equal(good.Count, second.SourcesOk);
        Assert.All(second.Failures, f => Assert.StartsWith("backing off after 1 failures until", f.Error, StringComparison.Ordinal));
        Assert.Equal(hostile.Count, second.Failures.Count);
        var healthAfter = await app.Get<IFeedStore>().GetHealthAsync(ct);
        Assert.All(hostile, source =>
        {
            Assert.Equal(1, healthAfter[source.Url].ConsecutiveFailures);
            Assert.Equal(health[source.Url].NextAttemptAt, healthAfter[source.Url].NextAttemptAt);
        });
    }

    /// <summary>Five well-formed feeds, two articles each, all in the last day, with titles no story grouping would merge.</summary>
    private static readonly FixtureFeed[] GoodFeeds =
    [
        new("/good/rust.xml", FeedFormat.Rss20, "rust.example", TimeSpan.Zero,
        [
            new("Rust 1.95 stabilizes async closures", "https://rust.example/blog/1.95", TimeSpan.FromHours(2),
                "<p>The Rust team released version 1.95 of the compiler with async closures stable.</p>"),
            new("Inside the borrow checker rewrite", "https://rust.example/blog/polonius", TimeSpan.FromHours(5),
                "<p>Polonius, the new borrow checker, is now the default on nightly builds.</p>"),
        ]),
        new("/good/security.atom", FeedFormat.Atom, "sec.example", TimeSpan.FromHours(1),
        [
            new("Ransomware gang exploits VPN appliances", "https://sec.example/ransomware-vpn", TimeSpan.FromHours(3),
                "<p>Attackers use a known vulnerability in VPN appliances to deploy ransomware. Patch now.</p>"),
            new("Passkeys adoption doubles in a year", "https://sec.example/passkeys", TimeSpan.FromHours(9),
                "<p>Authentication without passwords is growing fast across consumer services.</p>"),
        ]),
        new("/good/ml.rdf", FeedFormat.Rss10, "ml.example", TimeSpan.Zero,
        [
            new("Distilling a small model for on-device speech", "https://ml.example/distill-speech", TimeSpan.FromHours(4),
                "<p>We trained a compact neural network for speech recognition on phones.</p>"),
            new("Benchmarks lie: evaluating LLM agents honestly", "https://ml.example/agent-evals", TimeSpan.FromHours(11),
                "<p>An essay on evaluating LLM agents without leaking test data into training.</p>"),
        ]),
        new("/good/tools.json", FeedFormat.JsonFeed, "tools.example", TimeSpan.FromHours(-5),
        [
            new("A terminal multiplexer written in Zig", "https://tools.example/zig-mux", TimeSpan.FromHours(6),
                "<p>An open source CLI tool released on GitHub, version 0.3.</p>"),
            new("Packaging Python apps as single binaries", "https://tools.example/python-binaries", TimeSpan.FromHours(13),
                "<p>How we ship a Python package as one executable file.</p>"),
        ]),
        new("/good/essays.xml", FeedFormat.Rss20, "essays.example", TimeSpan.FromHours(9),
        [
            new("On quitting management to write code again", "https://essays.example/quitting-management", TimeSpan.FromHours(7),
                "<p>I think careers are not ladders. Some thoughts after ten years of management.</p>"),
            new("The quiet decline of personal websites", "https://essays.example/personal-websites", TimeSpan.FromHours(15),
                "<p>Why fewer people run their own site, and why it matters for the web.</p>"),
        ]),
    ];
}
