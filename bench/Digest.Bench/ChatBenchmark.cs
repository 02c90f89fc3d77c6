using System.Diagnostics;
using Digest.Core.Articles;
using Digest.Core.Conversation.Asking;

namespace Digest.Bench;

/// <summary>
/// Questions over a large archive: 100,000 stored articles (FTS5), and offline answers to questions about them —
/// retrieval (the full-text search plus excerpts) and the whole answer, as percentiles over many questions.
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
        // The conversation's services come with delivery (they answer chats).
        await using var app = await BenchHost.StartAsync(new(), delivery: true);
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

        var retrieval = app.Get<Retrieval>();
        var service = app.Get<QuestionService>();
        var retrieve = new List<double>(questions);
        var answer = new List<double>(questions);
        for (var q = 0; q < questions; q++)
        {
            var question = $"what happened with {Topics[q % Topics.Length]} and {Topics[(q * 3) % Topics.Length]} in incident {q % 97}?";
            clock.Restart();
            await retrieval.FindAsync(question, AskFocus.None, default);
            retrieve.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await service.AskAsync(question, AskFocus.None, "en", default);
            answer.Add(clock.Elapsed.TotalMilliseconds);
        }

        Figures.Heading($"chat: {count:N0} stored articles, {questions} questions, offline answers");
        Figures.Print("seeding (insert + FTS5)", $"{seeded.TotalSeconds:0.0} s");
        Figures.Print("retrieval p50 / p95 / max", Percentiles(retrieve));
        Figures.Print("whole answer p50 / p95 / max", Percentiles(answer));
    }

    private static string Percentiles(List<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{At(0.5):0.0} / {At(0.95):0.0} / {sorted[^1]:0.0} ms");
    }
}
