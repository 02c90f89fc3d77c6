using Digest.Core.Collecting;
using Digest.Feeds.FeedLists;
using Digest.Integration.Tests.Support;

namespace Digest.Integration.Tests.Pipeline;

/// <summary><c>digest feeds list</c> shows what a collect reads: the daily feeds and, marked, the weekly-only sources.</summary>
public sealed class WeeklySourcesFeedsListTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);
    private const string Daily = "https://news.example/feed.xml";
    private const string Lab = "https://lab.example/feed.xml";
    private const string Podcast = "https://pod.example/podcast.xml";
    private const string Papers = "https://arxiv.example/rss/cs.LG";

    [Fact]
    public async Task Feeds_list_marks_weekly_only_sources_by_kind_and_a_removed_one_is_neither_listed_nor_collected()
    {
        using var dir = new TestDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = dir.DatabasePath,
            ["Llm:ApiKey"] = "",
            ["Feeds:Opml"] = Path.Combine(dir.Path, "daily.opml"),
            ["Feeds:WeeklyOpml"] = Path.Combine(dir.Path, "weekly.opml"),
        };
        await File.WriteAllTextAsync(
            settings["Feeds:Opml"]!, Opml.Write([new FeedSource(Daily, "Daily News"), new FeedSource(Lab, "The Lab")], "Daily"));
        await File.WriteAllTextAsync(settings["Feeds:WeeklyOpml"]!, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>Weekly</title></head>
              <body>
                <outline text="Research" category="research">
                  <outline type="rss" text="The Lab" xmlUrl="{Lab}"/>
                  <outline type="rss" text="Papers" xmlUrl="{Papers}"/>
                </outline>
                <outline text="Listen" category="audio">
                  <outline type="rss" text="The Pod" xmlUrl="{Podcast}"/>
                </outline>
              </body>
            </opml>
            """);
        var environment = new Dictionary<string, string>();
        DigestProcess.Add(environment, settings);

        var (before, listed) = await FeedsAsync(dir, environment, "list");
        var (removed, _) = await FeedsAsync(dir, environment, "remove", Papers);
        var (after, listedAfter) = await FeedsAsync(dir, environment, "list");

        Assert.Equal((0, 0, 0), (before, removed, after));
        string[] dailyLines = [$"{Daily}\tDaily News\tnever fetched", $"{Lab}\tThe Lab\tnever fetched"];
        var podcastLine = $"{Podcast}\tThe Pod\tnever fetched\tweekly audio";
        Assert.Equal([.. dailyLines, $"{Papers}\tPapers\tnever fetched\tweekly research", podcastLine], listed);
        Assert.Equal([.. dailyLines, podcastLine], listedAfter);
        await using var app = await TestApp.StartAsync(dir, settings, delivery: false);
        var collected = await app.Get<FeedCatalog>().GetCollectedAsync(CancellationToken.None);
        Assert.Equal([Daily, Lab], collected.Daily.Select(f => f.Url));
        Assert.Equal([Podcast], collected.WeeklyOnlyFeeds.Select(f => f.Url));
    }

    /// <summary>The run's exit code and the lines it listed (one tab-separated line per feed; logs left out).</summary>
    private static async Task<(int Exit, string[] Feeds)> FeedsAsync(TestDirectory dir, Dictionary<string, string> environment, params string[] args)
    {
        using var run = DigestProcess.Start(dir.Path, environment, ["feeds", .. args]);
        var exit = await run.WaitForExitAsync(RunLimit);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (exit, lines.Where(l => l.StartsWith("https://", StringComparison.Ordinal)).ToArray());
    }
}
