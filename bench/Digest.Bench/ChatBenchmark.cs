using System.Diagnostics;
using System.Globalization;
using Digest.Core.Articles;
using Digest.Core.Conversation.Asking;
using Digest.TestKit.Telegram;

namespace Digest.Bench;

/// <summary>
/// Questions over a large archive: 100,000 stored articles (FTS5), and offline answers to questions about them —
/// the store's search alone, retrieval (the search plus excerpts) and the whole answer, as percentiles over many
/// questions. Then the same archive through Telegram: commands and questions from many private chats at a steady
/// rate against the fake Bot API, timed from the update being queued for getUpdates to the reply's sendMessage.
/// </summary>
internal static class ChatBenchmark
{
    private static readonly string[] Topics =
    [
        "postgres", "sqlite", "kubernetes", "rust", "webassembly", "ransomware", "passkeys", "quic", "llm inference",
        "vector search", "garbage collection", "fuzzing", "raft", "kafka", "dns", "simd", "zig", "nix", "react", "tls",
    ];

    public static async Task RunAsync(string[] args)
    {
        var count = (int)Arguments.Number(args, "articles", 100_000);
        var questions = (int)Arguments.Number(args, "questions", 300);
        var rate = Arguments.Number(args, "rate", 200);
        var seconds = Arguments.Number(args, "seconds", 15);
        // Enough chats that each sends a few updates, far under Conversation:PerChatPerMinute (6): that limit is not measured.
        var chats = (int)Arguments.Number(args, "chats", 1_000);
        // Telegram's 30 msg/s overall would make replies at 200/s wait out 429s: the limits scale with the rate, so
        // what is measured is the bot's own time.
        var scale = Math.Max(1, Math.Ceiling(rate / 20));
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = scale });
        // The conversation's services come with delivery (they answer chats).
        await using var app = await BenchHost.StartAsync(Broadcast.Settings(telegram, scale), delivery: true);
        var store = app.Get<IArticleStore>();
        var now = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < count; start += 5_000)
        {
            var batch = Enumerable.Range(start, Math.Min(5_000, count - start)).Select(i => new NewArticle(
                $"https://archive{i % 500}.example/posts/{i}", null, $"https://archive{i % 500}.example/feed", $"archive{i % 500}.example",
                $"Notes on {Topics[i % Topics.Length]} and {Topics[(i / 7) % Topics.Length]} ({i})",
                $"Part {i} looks at {Topics[i % Topics.Length]} in production. We measured latency and throughput under load. "
                + $"The {Topics[(i / 7) % Topics.Length]} team shipped a fix after the incident {i % 97}. Readers asked how it compares.",
                now.AddMinutes(-i), now)).ToList();
            await store.AddNewAsync(batch, default);
        }
        var seeded = clock.Elapsed;

        var search = new List<double>(questions);
        // The store timed inside retrieval, with the very query retrieval makes.
        var retrieval = new Retrieval(new TimedSearch(store, search));
        var service = app.Get<QuestionService>();
        var retrieve = new List<double>(questions);
        var answer = new List<double>(questions);
        for (var q = 0; q < questions; q++)
        {
            var question = Question(q);
            clock.Restart();
            await retrieval.FindAsync(question, AskFocus.None, default);
            retrieve.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await service.AskAsync(question, AskFocus.None, "en", default);
            answer.Add(clock.Elapsed.TotalMilliseconds);
        }

        Figures.Heading($"chat: {count:N0} stored articles, {questions} questions, offline answers");
        Figures.Print("seeding (insert + FTS5)", $"{seeded.TotalSeconds:0.0} s");
        Figures.Print("store search p50 / p95 / max", Percentiles(search, 0.95));
        Figures.Print("retrieval p50 / p95 / max", Percentiles(retrieve, 0.95));
        Figures.Print("whole answer p50 / p95 / max", Percentiles(answer, 0.95));

        var latency = new ChatLatency(telegram);
        await latency.WarmUpAsync(Question);
        var updates = (int)(rate * seconds);
        var injecting = await latency.InjectAsync(updates, rate, chats, Question);
        await latency.DrainAsync(TimeSpan.FromSeconds(10));
        var outcome = latency.Measure();

        Figures.Heading($"chat over Telegram: {updates} updates at {rate:0} /s from {chats} private chats, half questions, half /help /settings /digest; fake's limits ×{scale}");
        Figures.Print("updates queued in", $"{injecting.TotalSeconds:0.0} s ({updates / injecting.TotalSeconds:0} /s)");
        Figures.Print("first update to last reply", $"{outcome.Span.TotalSeconds:0.0} s ({(outcome.Commands.Count + outcome.Questions.Count) / outcome.Span.TotalSeconds:0} replies/s)");
        Figures.Print("answered / lost / extra", $"{outcome.Commands.Count + outcome.Questions.Count} / {outcome.Lost} / {outcome.Extra}");
        Figures.Print("\"asking too fast\" replies", outcome.TooFast);
        Figures.Print("429s received", telegram.TooManyRequests);
        Figures.Print("reply p50 / p99 / max", Percentiles(outcome.All, 0.99));
        Figures.Print("  commands p50 / p99 / max", Percentiles(outcome.Commands, 0.99));
        Figures.Print("  questions p50 / p99 / max", Percentiles(outcome.Questions, 0.99));

        await ChatTokens.RunAsync((int)Arguments.Number(args, "llm-questions", 20));
    }

    private static string Question(int q) =>
        $"what happened with {Topics[q % Topics.Length]} and {Topics[(q * 3) % Topics.Length]} in incident {q % 97}?";

    private static string Percentiles(List<double> values, double high)
    {
        if (values.Count == 0)
        {
            return "none";
        }
        var sorted = values.Order().ToList();
        double At(double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{At(0.5):0.0} / {At(high):0.0} / {sorted[^1]:0.0} ms");
    }

    /// <summary>The store, with the time of each search recorded.</summary>
    private sealed class TimedSearch(IArticleStore inner, List<double> times) : IArticleStore
    {
        public async Task<IReadOnlyList<Article>> SearchAsync(string query, int limit, CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            var found = await inner.SearchAsync(query, limit, ct);
            times.Add(clock.Elapsed.TotalMilliseconds);
            return found;
        }

        public Task<IReadOnlyList<Article>> AddNewAsync(IReadOnlyList<NewArticle> articles, CancellationToken ct) => inner.AddNewAsync(articles, ct);

        public Task<IReadOnlyList<Article>> AddNewAsync(
            IReadOnlyList<NewArticle> articles, Func<Article, CancellationToken, ValueTask<long>> storyOf, CancellationToken ct) =>
            inner.AddNewAsync(articles, storyOf, ct);

        public Task<IReadOnlyList<Article>> GetSinceAsync(DateTimeOffset since, CancellationToken ct) => inner.GetSinceAsync(since, ct);

        public Task<IReadOnlyList<Article>> GetByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken ct) => inner.GetByIdsAsync(ids, ct);

        public Task<Article?> GetByUrlAsync(string canonicalUrl, CancellationToken ct) => inner.GetByUrlAsync(canonicalUrl, ct);

        public Task AssignStoryAsync(long articleId, long storyId, CancellationToken ct) => inner.AssignStoryAsync(articleId, storyId, ct);

        public Task UpdateFromPageAsync(long articleId, string? text, DateTimeOffset? publishedAt, CancellationToken ct) =>
            inner.UpdateFromPageAsync(articleId, text, publishedAt, ct);
    }
}
