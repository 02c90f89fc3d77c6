using System.Globalization;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Feeds.FeedLists;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;
using Digest.TestKit.OpenAi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Pipeline;

/// <summary>What an edition says it cost in LLM calls, against what the fake OpenAI-compatible server saw.</summary>
public sealed class EditionCostTests
{
    private const string Model = "fake-model";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_cold_generate_writes_the_calls_the_server_saw_and_stats_show_the_tokens_it_reported()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(100));
        var ct = guard.Token;
        using var dir = new TestDirectory();
        await using var feeds = await FeedServer.StartAsync(ct);
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.PromptTokens = 1201;
        llm.CompletionTokens = 340;
        var opml = Path.Combine(dir.Path, "feeds.opml");
        await File.WriteAllTextAsync(opml, Opml.Write(FixtureFeed.PublishAll(feeds, GoldenFixtures.Feeds, DateTimeOffset.UtcNow), "Cost"), ct);
        var output = Path.Combine(dir.Path, "digest.md");
        var environment = new Dictionary<string, string>();
        DigestProcess.Add(environment, PipelineSettings.WithLlm(llm, Generous, maxRetries: 1));
        DigestProcess.Add(environment, new Dictionary<string, string?> { ["Storage:Path"] = dir.DatabasePath });

        using (var generate = DigestProcess.Start(dir.Path, environment, "generate", "--feeds", opml, "--out", output))
        {
            Assert.True(await generate.WaitForExitAsync(RunLimit) == 0, generate.Output);
        }
        string[] stats;
        using (var run = DigestProcess.Start(dir.Path, environment, "stats"))
        {
            Assert.True(await run.WaitForExitAsync(RunLimit) == 0, run.Output);
            stats = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        }

        // The scoring was part of the composition (nothing was assessed before), then the write-ups and the highlights.
        Assert.Equal(1, llm.Calls("score"));
        Assert.Equal(GoldenFixtures.InWindow.Count(), llm.Calls("writeup"));
        Assert.Equal(1, llm.Calls("highlights"));
        var calls = llm.TotalCalls;
        var tokens = calls * (long)(llm.PromptTokens + llm.CompletionTokens);
        var markdown = await File.ReadAllTextAsync(output, ct);
        var thousands = (tokens / 1000m).ToString("0.0", CultureInfo.InvariantCulture);
        Assert.Contains($"\n\nLLM: {calls} calls, {thousands} k tokens\n\n### Category Distribution", markdown, StringComparison.Ordinal);
        // The exact tokens, as recorded: the total line of `digest stats` (total, calls, prompt, completion, tokens).
        var total = stats.Single(l => l.StartsWith("total ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["total", $"{calls}", $"{calls * llm.PromptTokens}", $"{calls * llm.CompletionTokens}", $"{tokens}"], total);
    }

    [Fact]
    public async Task A_stored_edition_counts_the_calls_since_the_previous_one_and_a_one_off_only_its_own()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var ct = guard.Token;
        using var dir = new TestDirectory();
        await using var feeds = await FeedServer.StartAsync(ct);
        await using var llm = await FakeOpenAiServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var sources = FixtureFeed.PublishAll(feeds, GoldenFixtures.Feeds, now);
        var clock = new FakeTimeProvider(now);
        await using var app = await TestApp.StartAsync(
            dir, PipelineSettings.WithLlm(llm, Generous, maxRetries: 1), s => s.AddSingleton<TimeProvider>(clock), delivery: false);
        await app.Get<Collector>().CollectAsync(sources, null, ct);
        // From here every reading of the clock moves it on a millisecond: each call and each boundary has its own moment.
        clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);
        var service = app.Get<DailyEditionService>();
        var usage = app.Get<ILlmUsageLog>();
        var highlights = new LlmPurposeUsage("highlights", 1, llm.PromptTokens, llm.CompletionTokens);

        var first = await service.ComposeAsync(null, null, ct);
        var firstCalls = llm.TotalCalls;
        // The collect job scoring what came in since: the next stored edition's to count, and no one-off's.
        await usage.RecordAsync(new LlmUsage(Model, "score", 500, 100, Succeeded: true, clock.GetUtcNow()), ct);
        var second = await service.ComposeAsync(null, null, ct);
        await usage.RecordAsync(new LlmUsage(Model, "score", 700, 300, Succeeded: true, clock.GetUtcNow()), ct);
        var oneOff = await service.ComposeAsync(new EditionRequest(Store: false), null, ct);

        Assert.Equal(
            [highlights, Usage("score", llm.Calls("score"), llm), Usage("writeup", GoldenFixtures.InWindow.Count(), llm)],
            first.Stats.Llm.ByPurpose);
        Assert.Equal(firstCalls, first.Stats.Llm.Calls);
        // Scores and write-ups are stored per article: each later edition made one highlights call of its own.
        Assert.Equal(firstCalls + 2, llm.TotalCalls);
        Assert.Equal([highlights, new LlmPurposeUsage("score", 1, 500, 100)], second.Stats.Llm.ByPurpose);
        Assert.Contains("\n\nLLM: 2 calls, 760 tokens\n\n", MarkdownRenderer.Render(second), StringComparison.Ordinal);
        Assert.Equal(second.Stats.Llm, (await app.Get<IEditionStore>().GetAsync(second.Id, ct))?.Stats.Llm);
        Assert.Equal([highlights], oneOff.Stats.Llm.ByPurpose);
        Assert.Equal(first.Stats.Llm, (await app.Get<IEditionStore>().GetAsync(first.Id, ct))?.Stats.Llm);
    }

    private static LlmPurposeUsage Usage(string purpose, int calls, FakeOpenAiServer llm) =>
        new(purpose, calls, calls * (long)llm.PromptTokens, calls * (long)llm.CompletionTokens);
}
