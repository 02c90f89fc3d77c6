using System.Diagnostics;
using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.TestKit.OpenAi;

namespace Digest.Bench;

/// <summary>2,500 articles scored against the fake OpenAI-compatible server, then the same articles again.</summary>
internal static class AssessBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var count = (int)Arguments.Number(args, "articles", 2500);
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.EstimateTokens = true;
        await using var app = await BenchHost.StartAsync(new()
        {
            ["Llm:ApiKey"] = "bench-key",
            ["Llm:Endpoint"] = llm.Endpoint.ToString(),
            ["Llm:Model"] = "bench-model",
        }, delivery: false);

        var now = DateTimeOffset.UtcNow;
        var articles = await app.Get<IArticleStore>().AddNewAsync(Enumerable.Range(0, count).Select(i => new NewArticle(
            $"https://bench{i % 92}.example.com/posts/{i}", $"g{i}", $"https://bench{i % 92}.example.com/feed", $"bench{i % 92}.example.com",
            $"Article {i}: notes on compilers, databases and LLM inference", Text(i), now.AddMinutes(-i), now)).ToList(), default);
        var assessment = app.Get<AssessmentService>();

        var clock = Stopwatch.StartNew();
        var first = await assessment.AssessAsync(articles, null, default);
        var firstWall = clock.Elapsed;
        var callsAfterFirst = llm.TotalCalls;
        var usage = await app.Get<ILlmUsageLog>().GetTotalsAsync(default);

        clock.Restart();
        var second = await assessment.AssessAsync(articles, null, default);
        var secondWall = clock.Elapsed;

        Figures.Heading($"assess: {count} articles in {first.Batches} batches of ≤{app.Get<AssessOptions>().BatchSize}, fake LLM on 127.0.0.1 (tokens ≈ characters / 4)");
        Figures.Print("articles", count);
        Figures.Print("scoring calls (first pass)", callsAfterFirst);
        Figures.Print("assessed by LLM / offline", $"{first.ByLlm} / {first.Offline}");
        Figures.Print("prompt tokens", usage.PromptTokens);
        Figures.Print("completion tokens", usage.CompletionTokens);
        Figures.Print("wall time (first pass)", $"{firstWall.TotalSeconds:0.00} s");
        Figures.Print("new scoring calls (second pass)", llm.TotalCalls - callsAfterFirst);
        Figures.Print("assessed (second pass)", second.ByLlm + second.Offline);
        Figures.Print("wall time (second pass)", $"{secondWall.TotalMilliseconds:0} ms");
    }

    private static string Text(int i) =>
        string.Join(' ', Enumerable.Range(0, 12).Select(s =>
            $"Sentence {s} of article {i} explains how the system handles load, caching and latency in production."));
}
