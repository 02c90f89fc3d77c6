using System.Diagnostics;
using System.Globalization;
using System.Text;
using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Core.Weekly;
using Digest.TestKit.OpenAi;

namespace Digest.Bench;

/// <summary>
/// What composing the weekly briefing costs: a realistic week (the daily list's real feeds at ~1.5 posts a day, some
/// stories told by several of them, the weekly list's podcasts and papers) composed offline, cold and warm, and once
/// against the fake LLM, whose junk weekly answer takes the whole path: first call, one retry, offline fill.
/// </summary>
internal static class WeeklyBenchmark
{
    private const int WarmRuns = 3;

    // Events several blogs write about in the same week, each retelling worded its own way.
    private static readonly string[] Events =
    [
        "Postgres 19 ships built-in vector search", "Rust 2027 edition stabilises async closures", "OpenSSL patches a critical TLS handshake flaw",
        "Kubernetes 1.40 drops the legacy scheduler", "Python 3.16 makes the free-threaded build the default", "A BGP leak takes a large CDN offline for two hours",
        "SQLite adds a native JSON index", "Go 1.27 brings generic methods", "Linux 7.2 merges the new io_uring zero-copy path",
        "A supply chain attack hits a popular npm build tool",
    ];

    private static readonly string[] Retold = ["", "Breaking: ", "What it means: ", "Analysis: ", "Quick take: ", "Finally: ", "Hands-on: ", "Notes: "];

    private static readonly string[] Words =
    (
        "latency throughput cache queue thread lock schema index query planner replica shard partition tenant deploy rollback "
        + "canary feature flag config secret token session header request response stream buffer allocator heap stack pointer "
        + "borrow lifetime trait generic macro closure iterator future async runtime scheduler kernel syscall socket packet route "
        + "gateway proxy balancer cluster region failover backup snapshot restore migration column table join aggregate window "
        + "vector embedding model prompt context sampler attention layer weight gradient batch dataset benchmark profile trace "
        + "metric alert incident outage postmortem budget quota retry backoff timeout deadline clock parser lexer grammar optimizer"
    ).Split(' ');

    private static readonly string[] Methods = ["Sparse", "Scalable", "Contrastive", "Causal", "Efficient", "Robust", "Federated", "Self-Supervised", "Diffusion-Based", "Retrieval-Augmented"];

    private static readonly string[] Objects = ["Transformers", "Language Models", "Graph Networks", "Reward Models", "Vision Encoders", "Speech Recognition", "Code Generation", "Agents", "Tokenizers", "Mixture-of-Experts"];

    public static async Task RunAsync()
    {
        await RunOfflineAsync();
        await RunWithFakeLlmAsync();
    }

    private static async Task RunOfflineAsync()
    {
        await using var app = await BenchHost.StartAsync(new() { ["Llm:Offline"] = "true" }, delivery: false);
        var seeded = await SeedAsync(app);
        var service = app.Get<WeeklyEditionService>();
        Figures.Heading($"weekly briefing offline: {seeded}");

        var (cold, edition) = await MeasureAsync(service);
        Figures.Print("cold: wall, CPU, allocated", cold.Text);
        var warm = new List<Sample>();
        for (var run = 0; run < WarmRuns; run++)
        {
            warm.Add((await MeasureAsync(service)).Sample);
        }
        Figures.Print("warm wall (min/median/max)", Figures.Spread(warm.Select(s => s.Wall), "0", "ms"));
        Figures.Print("warm CPU (min/median/max)", Figures.Spread(warm.Select(s => s.Cpu), "0", "ms"));
        Figures.Print("warm allocated (min/median/max)", Figures.Spread(warm.Select(s => s.AllocatedMb), "0.0", "MB"));
        PrintCited(edition);
    }

    private static async Task RunWithFakeLlmAsync()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.EstimateTokens = true;
        await using var app = await BenchHost.StartAsync(new()
        {
            ["Llm:ApiKey"] = "bench-key",
            ["Llm:Endpoint"] = llm.Endpoint.ToString(),
            ["Llm:Model"] = "bench-model",
        }, delivery: false);
        var seeded = await SeedAsync(app);
        // As the collect job would have: the daily feeds' articles LLM-assessed, so their picks get LLM write-ups
        // (offline-scored ones get offline write-ups). Before the clock starts: the daily editions pay for scoring.
        var daily = (await app.Get<FeedCatalog>().GetAsync(default)).Select(f => f.Url).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var news = (await app.Get<IArticleStore>().GetSinceAsync(DateTimeOffset.UtcNow - WeeklyMaterialBuilder.Week, default))
            .Where(a => daily.Contains(a.FeedUrl)).ToList();
        await app.Get<AssessmentService>().AssessAsync(news, null, default);
        Figures.Heading($"weekly briefing with the fake LLM (junk weekly answers, fake's token estimate): {seeded}, daily posts LLM-scored first");

        var since = DateTimeOffset.UtcNow;
        var (sample, edition) = await MeasureAsync(app.Get<WeeklyEditionService>());
        Figures.Print("wall (in-process fake, no latency)", $"{sample.Wall:0} ms");
        var usage = await app.Get<ILlmUsageLog>().GetByPurposeAsync(since, DateTimeOffset.UtcNow.AddMinutes(1), default);
        foreach (var purpose in (string[])["weekly", "writeup"])
        {
            var row = usage.FirstOrDefault(u => u.Purpose == purpose);
            Figures.Print($"{purpose}: calls, prompt/completion", row is null
                ? "none"
                : string.Create(CultureInfo.InvariantCulture, $"{row.Calls}, {row.PromptTokens / (double)row.Calls:0} / {row.CompletionTokens / (double)row.Calls:0} tokens"));
        }
        // The usage log sums a purpose's calls; the fake's requests tell the first call from the retry.
        var asked = llm.Requests.Where(r => r.Purpose == "weekly").Select(r => (r.SystemPrompt.Length + r.UserMessage.Length).ToString("N0", CultureInfo.InvariantCulture));
        Figures.Print("weekly: prompt chars, first/retry", string.Join(" / ", asked));
        Figures.Print("fake saw score (before)/weekly/writeup", $"{llm.Calls("score")} / {llm.Calls("weekly")} / {llm.Calls("writeup")}");
        PrintCited(edition);
    }

    private static async Task<(Sample Sample, Edition Edition)> MeasureAsync(WeeklyEditionService service)
    {
        var cpu = Figures.Cpu();
        var allocated = GC.GetTotalAllocatedBytes(true);
        var clock = Stopwatch.StartNew();
        var edition = await service.ComposeAsync(new WeeklyRequest(Store: false), null, default)
            ?? throw new InvalidOperationException("The seeded week composed no briefing.");
        clock.Stop();
        var sample = new Sample(clock.Elapsed.TotalMilliseconds, (Figures.Cpu() - cpu).TotalMilliseconds, (GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0);
        return (sample, edition);
    }

    private static void PrintCited(Edition edition)
    {
        var briefing = edition.Briefing ?? throw new InvalidOperationException("A weekly edition without its briefing.");
        Figures.Print("cited: stories / episodes / papers", $"{1 + briefing.AlsoThisWeek.Count} / {briefing.WatchAndListen.Count} / {briefing.FromTheLab.Count}");
        Figures.Print("cited: worth reading / items in all", $"{briefing.WorthReading.Count} / {edition.Items.Count} of {edition.Stats.ArticlesInWindow} in the material");
        var big = edition.Items.First(i => i.ArticleId == briefing.BigStory.ArticleId);
        Figures.Print("big story: sources, title", $"{1 + big.AlsoCoveredBy.Count}, \"{big.Title}\"");
        Figures.Print("sections written offline", briefing.OfflineSections.Count == 0 ? "none" : string.Join(", ", briefing.OfflineSections));
    }

    /// <summary>Stores the week; deterministic, so the offline and LLM runs compose from the same articles.</summary>
    private static async Task<string> SeedAsync(BenchHost app)
    {
        var now = DateTimeOffset.UtcNow;
        var daily = await app.Get<FeedCatalog>().GetAsync(default);
        var weekly = await app.Get<IWeeklyFeedList>().LoadAsync(default);
        var audio = weekly.Where(w => w.Kind == WeeklySourceKind.Audio).Select(w => w.Feed).ToList();
        var research = weekly.Where(w => w.Kind == WeeklySourceKind.Research).Select(w => w.Feed).ToList();
        var articles = new List<NewArticle>();

        // ~1.5 posts a day per feed: 10 or 11 a week each, staggered so the week fills evenly.
        for (var f = 0; f < daily.Count; f++)
        {
            var posts = f % 2 == 0 ? 10 : 11;
            for (var p = 0; p < posts; p++)
            {
                var random = new Random((f * 100) + p);
                var at = now.AddMinutes(-((p * 7 * 24 * 60 / posts) + (f * 13 % 600) + 5));
                var title = $"{Capitalized(Sentence(random, 3))}: notes on {Sentence(random, 2)}";
                articles.Add(Post(daily[f], $"posts/{p}", title, Body(random, 2_500), at, now));
            }
        }
        // Each event told by 3 to 8 feeds within two days, the same facts in each one's words.
        var retellings = 0;
        for (var e = 0; e < Events.Length; e++)
        {
            var tellers = 3 + (e % 6);
            var happened = now.AddDays(-1 - (e * 0.55));
            for (var t = 0; t < tellers; t++)
            {
                var feed = daily[((e * 17) + (t * 11)) % daily.Count];
                var facts = new Random(1_000 + e);
                var own = new Random((e * 50) + t);
                var text = new StringBuilder(Events[e]).Append(". ").Append(Body(facts, 1_300)).Append(Body(own, 1_200));
                articles.Add(Post(feed, $"events/{e}", Retold[t % Retold.Length] + Events[e], text.ToString(), happened.AddHours(t * 5), now));
                retellings++;
            }
        }
        for (var i = 0; i < 40; i++)
        {
            var feed = audio[i % audio.Count];
            var random = new Random(5_000 + i);
            articles.Add(Post(feed, $"episodes/{i}", $"Episode {300 + i}: {Capitalized(Sentence(random, 4))} with a guest", Body(random, 1_500), now.AddHours(-(i * 4) - 2), now) with
            {
                Duration = TimeSpan.FromMinutes(35 + (i * 37 % 120)),
                Enclosure = new MediaEnclosure($"https://media.example/{i}.mp3", "audio/mpeg", 40_000_000 + (i * 1_000_000)),
            });
        }
        for (var i = 0; i < 300; i++)
        {
            var random = new Random(9_000 + i);
            var title = $"{Methods[random.Next(Methods.Length)]} {Objects[random.Next(Objects.Length)]} via {Capitalized(Sentence(random, 2))}";
            var link = $"https://arxiv.org/abs/2611.{10_000 + (i * 37):D5}";
            articles.Add(new NewArticle(link, link, research[i % research.Count].Url, research[i % research.Count].Title, title,
                "Abstract: " + Body(random, 1_200), now.AddMinutes(-(i * 33) - 1), now));
        }
        await app.Get<IArticleStore>().AddNewAsync(articles, default);
        var news = articles.Count - 340;
        return string.Create(CultureInfo.InvariantCulture,
            $"{news} posts on {daily.Count} daily feeds ({retellings} retell {Events.Length} events), 40 episodes on {audio.Count} audio feeds, 300 papers on {research.Count} research feeds");
    }

    private static NewArticle Post(FeedSource feed, string path, string title, string text, DateTimeOffset at, DateTimeOffset now)
    {
        var site = (feed.SiteUrl ?? feed.Url).TrimEnd('/');
        return new NewArticle($"{site}/{path}", null, feed.Url, feed.Title, title, text, at, at > now ? now : at);
    }

    /// <summary>Paragraphs of varied words, about <paramref name="length"/> characters.</summary>
    private static string Body(Random random, int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            for (var s = 0; s < 4 && text.Length < length; s++)
            {
                text.Append(Capitalized(Sentence(random, 10 + random.Next(10)))).Append(". ");
            }
            text.Append("\n\n");
        }
        return text.ToString();
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private sealed record Sample(double Wall, double Cpu, double AllocatedMb)
    {
        public string Text => string.Create(CultureInfo.InvariantCulture, $"{Wall:0} ms, {Cpu:0} ms, {AllocatedMb:0.0} MB");
    }
}
