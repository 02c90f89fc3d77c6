using System.Globalization;
using System.Text;
using Digest.App.Jobs;
using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Feeds.FeedLists;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;
using Digest.TestKit.OpenAi;

namespace Digest.Integration.Tests.Pipeline;

/// <summary>
/// The weekly briefing's podcasts and papers are collected with the daily feeds, their episodes' files and lengths
/// kept, but they never reach the daily edition nor the LLM (a day of arXiv would cost hundreds of scoring calls).
/// </summary>
public sealed class WeeklySourcesCollectTests
{
    private const string DailyTitle = "Chip makers cut inference prices for hosted models";
    private const string SharedTitle = "Lab releases an open evaluation suite for agents";
    private const string EpisodeTitle = "Episode 42 with a compiler engineer";
    private const string ShortEpisodeTitle = "Episode 41 mailbag";
    private const string PaperTitle = "Sparse mixture routing under memory pressure";

    [Fact]
    public async Task A_collect_keeps_episodes_files_and_lengths_and_the_daily_shows_and_assesses_only_daily_feeds()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = guard.Token;
        using var dir = new TestDirectory();
        await using var server = await FeedServer.StartAsync(ct);
        await using var llm = await FakeOpenAiServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var daily = server.Publish("/daily.xml", FeedFormat.Rss20,
            [new TestFeedItem(DailyTitle, "https://news.example/inference-prices", Html: Body(DailyTitle), Published: now.AddHours(-2))],
            "Daily News");
        // A lab blog on both lists: it is a daily feed, so the weekly list must not take it out of the daily.
        var shared = server.Publish("/lab.xml", FeedFormat.Rss20,
            [new TestFeedItem(SharedTitle, "https://lab.example/agent-evals", Html: Body(SharedTitle), Published: now.AddHours(-3))], "The Lab");
        var podcast = server.PublishRaw("/podcast.xml", Podcast(now), "application/rss+xml");
        var papers = server.PublishRaw("/papers.xml", Papers(now), "application/rss+xml");

        var settings = PipelineSettings.WithLlm(llm, TimeSpan.FromSeconds(10), maxRetries: 0);
        settings["Feeds:Opml"] = Path.Combine(dir.Path, "daily.opml");
        settings["Feeds:WeeklyOpml"] = Path.Combine(dir.Path, "weekly.opml");
        await File.WriteAllTextAsync(settings["Feeds:Opml"]!,
            Opml.Write([new FeedSource(daily.AbsoluteUri, "Daily News"), new FeedSource(shared.AbsoluteUri, "The Lab")], "Daily"), ct);
        await File.WriteAllTextAsync(settings["Feeds:WeeklyOpml"]!, WeeklyOpml(shared, podcast, papers), ct);
        await using var app = await TestApp.StartAsync(dir, settings, delivery: false);

        var report = await app.Get<CollectAndAssess>().RunAsync(null, ct);
        var edition = await app.Get<DailyEditionService>().ComposeAsync(null, null, ct);

        // The report is the daily's data overview: its two feeds, and the weekly-only ones read and remembered beside it.
        Assert.Equal((2, 2, 2), (report.SourcesOk, report.SourcesTotal, report.ItemsFetched));
        var health = await app.Get<IFeedStore>().GetHealthAsync(ct);
        Assert.Contains(podcast.AbsoluteUri, health.Keys);
        Assert.Contains(papers.AbsoluteUri, health.Keys);
        var articles = app.Get<IArticleStore>();
        var episode = await articles.GetByUrlAsync("https://pod.example/episodes/42", ct);
        Assert.Equal(new MediaEnclosure("https://cdn.pod.example/ep42.mp3", "audio/mpeg", 51_234_567), episode?.Enclosure);
        Assert.Equal(new TimeSpan(1, 2, 3), episode?.Duration);
        var shortEpisode = await articles.GetByUrlAsync("https://pod.example/episodes/41", ct);
        Assert.Equal(TimeSpan.FromSeconds(2710), shortEpisode?.Duration);
        var paper = await articles.GetByUrlAsync("https://arxiv.example/abs/2501.00001", ct);
        Assert.NotNull(paper);
        Assert.Null(paper.Enclosure);

        Assert.Equal([DailyTitle, SharedTitle], edition.Items.Select(i => i.Title).Order(StringComparer.Ordinal));
        var weeklyOnly = new[] { episode!.Id, shortEpisode!.Id, paper.Id };
        var assessed = await app.Get<IAssessmentStore>().GetAsync([.. weeklyOnly, .. edition.Items.Select(i => i.ArticleId)], "fake-model", ct);
        Assert.All(edition.Items, item => Assert.Contains(item.ArticleId, assessed.Keys));
        Assert.All(weeklyOnly, id => Assert.DoesNotContain(id, assessed.Keys));
        // The fake saw the daily articles, so a weekly one sent along would show in the same messages.
        Assert.Contains(llm.Requests, r => r.Purpose == "score" && r.UserMessage.Contains(DailyTitle, StringComparison.Ordinal));
        Assert.All(llm.Requests, r =>
        {
            Assert.DoesNotContain("Episode 4", r.UserMessage, StringComparison.Ordinal);
            Assert.DoesNotContain(PaperTitle, r.UserMessage, StringComparison.Ordinal);
        });
    }

    private static string Body(string title) =>
        $"<p>{title}. The post explains what changed, who it affects and what the team measured over the quarter.</p>";

    private static string WeeklyOpml(Uri lab, Uri podcast, Uri papers) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0">
          <head><title>Weekly test sources</title></head>
          <body>
            <outline text="Research" category="research">
              <outline type="rss" text="The Lab" xmlUrl="{lab.AbsoluteUri}"/>
              <outline type="rss" text="Papers" xmlUrl="{papers.AbsoluteUri}"/>
            </outline>
            <outline text="Watch &amp; Listen" category="audio">
              <outline type="rss" text="The Pod" xmlUrl="{podcast.AbsoluteUri}"/>
            </outline>
          </body>
        </opml>
        """;

    private static byte[] Podcast(DateTimeOffset now) => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
          <channel>
            <title>The Pod</title>
            <link>https://pod.example/</link>
            <item>
              <title>{EpisodeTitle}</title>
              <link>https://pod.example/episodes/42</link>
              <guid>pod-42</guid>
              <pubDate>{Rfc822(now.AddHours(-4))}</pubDate>
              <description>{EpisodeTitle}: how a compiler for accelerators decides what to fuse and when.</description>
              <enclosure url="https://cdn.pod.example/ep42.mp3" type="audio/mpeg" length="51234567"/>
              <itunes:duration>1:02:03</itunes:duration>
            </item>
            <item>
              <title>{ShortEpisodeTitle}</title>
              <link>https://pod.example/episodes/41</link>
              <guid>pod-41</guid>
              <pubDate>{Rfc822(now.AddHours(-5))}</pubDate>
              <description>{ShortEpisodeTitle}: listener questions about benchmarks and hiring.</description>
              <enclosure url="https://cdn.pod.example/ep41.mp3" type="audio/mpeg" length="21000000"/>
              <itunes:duration>2710</itunes:duration>
            </item>
          </channel>
        </rss>
        """);

    private static byte[] Papers(DateTimeOffset now) => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0">
          <channel>
            <title>Papers</title>
            <link>https://arxiv.example/</link>
            <item>
              <title>{PaperTitle}</title>
              <link>https://arxiv.example/abs/2501.00001</link>
              <guid>2501.00001</guid>
              <pubDate>{Rfc822(now.AddHours(-1))}</pubDate>
              <description>We study expert routing when accelerator memory is scarce and propose a cheaper balancing loss.</description>
            </item>
          </channel>
        </rss>
        """);

    private static string Rfc822(DateTimeOffset at) => at.ToString("r", CultureInfo.InvariantCulture);
}
