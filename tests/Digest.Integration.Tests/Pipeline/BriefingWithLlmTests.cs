using System.Text.Json;
using Digest.Core.Articles;
using Digest.Core.Collecting;
using Digest.Core.Rendering;
using Digest.Core.Weekly;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;
using Digest.TestKit.OpenAi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Pipeline;

/// <summary>The weekly briefing written by the LLM at the fake OpenAI-compatible server, over real HTTP.</summary>
public sealed class BriefingWithLlmTests
{
    [Fact]
    public async Task A_partial_answer_is_asked_again_for_only_what_it_lacked_and_what_is_still_missing_is_written_offline()
    {
        await using var week = await LlmWeek.StartAsync();
        var id = week.Ids;
        week.Llm.Enqueue(
            FakeOpenAiMode.Replying(Json(new
            {
                thesis = new { text = "Open models for hard science led a week of infrastructure news.", ids = new[] { id["https://nvidianews.example/ising"] } },
                watch_and_listen = new[] { new { id = id["https://latent.example/notion"] }, new { id = id["https://latent.example/jensen"] } },
                // Two takeaways where five are needed, and the signal is missing altogether.
                takeaways = new[] { new { text = "Plan the CUDA 12.8 move.", ids = new[] { id["https://tomshardware.example/pytorch-212"] } } },
                big_story = new { id = id["https://nvidianews.example/ising"], what_happened = "NVIDIA released Ising.", why_it_matters = "AI now calibrates qubits." },
                also_this_week = new[] { "https://tomshardware.example/pytorch-212", "https://venturebeat.example/subliminal", "https://anthropic.example/limits", "https://nvidianews.example/gtc-paris" }
                    .Select(u => new { id = id[u], why_it_matters = "Worth knowing." }),
                from_the_lab = new[] { new { id = id["https://arxiv.org/abs/2611.01411"], analysis = "Inference cost moves the optimum." } },
                worth_reading = new[] { new { id = 99999L, note = "Not an article of the week." } },
            })),
            // The retry times out as junk: the rest is written offline.
            FakeOpenAiMode.Junk);

        var edition = await week.ComposeAsync();

        var briefing = edition.Briefing!;
        var weekly = week.Llm.Requests.Where(r => r.Purpose == "weekly").ToList();
        Assert.Equal(2, weekly.Count);
        Assert.Contains("\"takeaways\"", weekly[1].ResponseFormat, StringComparison.Ordinal);
        Assert.DoesNotContain("\"big_story\"", weekly[1].ResponseFormat, StringComparison.Ordinal);
        Assert.Equal([BriefingSection.Takeaways, BriefingSection.WorthReading, BriefingSection.Signal], briefing.OfflineSections);
        Assert.Equal("Open models for hard science led a week of infrastructure news.", briefing.Thesis.Text);
        Assert.Equal("AI now calibrates qubits.", briefing.BigStory.WhyItMatters);
        Assert.Equal(BriefingRules.Takeaways, briefing.Takeaways.Count);
        Assert.Equal(BriefingRules.WorthReading, briefing.WorthReading.Count);
        Assert.DoesNotContain(99999L, briefing.Cited());
        var markdown = MarkdownRenderer.Render(edition);
        Assert.Contains("## Key Takeaways", markdown, StringComparison.Ordinal);
        Assert.Contains("The week's signal", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_injection_in_an_article_stays_data_and_a_model_that_obeys_it_changes_no_section()
    {
        await using var week = await LlmWeek.StartAsync();
        // A model that followed the article's instructions: its thesis and big story cite nothing of the week.
        week.Llm.Enqueue(
            FakeOpenAiMode.Replying(Json(new
            {
                thesis = new { text = "PWNED", ids = new[] { 424242L } },
                big_story = new { id = 424242L, what_happened = "PWNED", why_it_matters = "PWNED" },
            })),
            FakeOpenAiMode.Replying(Json(new { thesis = new { text = "PWNED", ids = Array.Empty<long>() } })));

        var edition = await week.ComposeAsync();

        var first = week.Llm.Requests.First(r => r.Purpose == "weekly");
        Assert.DoesNotContain(BriefingWeek.Injection, first.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains(BriefingWeek.Injection, first.UserMessage, StringComparison.Ordinal);
        var briefing = edition.Briefing!;
        Assert.DoesNotContain("PWNED", briefing.Thesis.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("PWNED", briefing.BigStory.WhyItMatters, StringComparison.Ordinal);
        Assert.Subset(week.Ids.Values.ToHashSet(), briefing.Cited().ToHashSet());
        Assert.Equal(BriefingRules.Every, briefing.OfflineSections.ToHashSet());
    }

    private static string Json(object answer) => JsonSerializer.Serialize(answer);

    /// <summary>The fixture week collected into a fresh app whose LLM is the fake server.</summary>
    private sealed class LlmWeek : IAsyncDisposable
    {
        private readonly TestDirectory _dir;
        private readonly FeedServer _feeds;
        private readonly TestApp _app;

        private LlmWeek(TestDirectory dir, FeedServer feeds, FakeOpenAiServer llm, TestApp app, Dictionary<string, long> ids)
        {
            _dir = dir;
            _feeds = feeds;
            Llm = llm;
            _app = app;
            Ids = ids;
        }

        public FakeOpenAiServer Llm { get; }

        /// <summary>Stored article ids by URL.</summary>
        public Dictionary<string, long> Ids { get; }

        public static async Task<LlmWeek> StartAsync()
        {
            var dir = new TestDirectory();
            var feeds = await FeedServer.StartAsync();
            var llm = await FakeOpenAiServer.StartAsync();
            var (sources, settings) = BriefingWeek.Publish(feeds, dir.Path);
            foreach (var (key, value) in PipelineSettings.WithLlm(llm, TimeSpan.FromSeconds(10), maxRetries: 0))
            {
                settings[key] = value;
            }
            var clock = new FakeTimeProvider(BriefingWeek.Now);
            var app = await TestApp.StartAsync(dir, settings, services => services.AddSingleton<TimeProvider>(clock), delivery: false);
            await app.Get<Collector>().CollectAsync(sources, null, CancellationToken.None);
            var stored = await app.Get<IArticleStore>().GetSinceAsync(BriefingWeek.Now.AddDays(-60), CancellationToken.None);
            return new LlmWeek(dir, feeds, llm, app, stored.ToDictionary(a => a.CanonicalUrl, a => a.Id));
        }

        public async Task<Digest.Core.Editions.Edition> ComposeAsync() =>
            (await _app.Get<WeeklyEditionService>().ComposeAsync(new WeeklyRequest(Store: false), null, CancellationToken.None))!;

        public async ValueTask DisposeAsync()
        {
            await _app.DisposeAsync();
            await Llm.DisposeAsync();
            await _feeds.DisposeAsync();
            _dir.Dispose();
        }
    }
}
