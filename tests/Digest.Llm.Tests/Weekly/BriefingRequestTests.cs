using System.Globalization;
using System.Text.Json;
using Digest.Core.Weekly;
using Digest.Llm.Tests.Support;
using Digest.TestKit.OpenAi;

namespace Digest.Llm.Tests.Weekly;

/// <summary>What the model is sent: the sections asked, sized by the core's rules, and the week's material as data.</summary>
public sealed class BriefingRequestTests
{
    private static readonly string[] Keys =
        ["thesis", "watch_and_listen", "takeaways", "big_story", "also_this_week", "from_the_lab", "worth_reading", "signal"];

    [Fact]
    public async Task A_first_call_asks_for_every_section_with_the_counts_and_lengths_of_the_rules()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.Replying(WeeklySample.Json(WeeklySample.FullAnswer())));
        var material = WeeklySample.Material();

        await llm.BriefingWriter.WriteAsync(material, BriefingRules.Every, CancellationToken.None);

        var request = Assert.Single(llm.Server.Requests);
        var schema = WeeklySample.Schema(request.ResponseFormat);
        Assert.Equal(Keys, schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(Keys, schema.GetProperty("required").EnumerateArray().Select(k => k.GetString()));
        foreach (var (key, section) in Keys.Zip(Enum.GetValues<BriefingSection>()))
        {
            Assert.Contains($"\n- {key}", request.SystemPrompt, StringComparison.Ordinal);
            var property = schema.GetProperty("properties").GetProperty(key);
            var entry = property.GetProperty("type").GetString() == "array" ? property.GetProperty("items") : property;
            // Every entry must cite: an article's "id", or the "ids" a claim rests on.
            Assert.Contains(entry.GetProperty("required").EnumerateArray(), r => r.GetString() is "id" or "ids");
            if (property.GetProperty("type").GetString() == "array")
            {
                var (min, max) = BriefingRules.Count(section, material);
                Assert.Equal((min, max), (property.GetProperty("minItems").GetInt32(), property.GetProperty("maxItems").GetInt32()));
            }
        }
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"- takeaways ({BriefingRules.Takeaways}):"), request.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"- watch_and_listen ({BriefingRules.MinEpisodes}-{material.Episodes.Count}):"), request.SystemPrompt, StringComparison.Ordinal);
        foreach (var chars in (int[])[BriefingRules.MaxThesisChars, BriefingRules.MaxTakeawayChars, BriefingRules.MaxParagraphChars, BriefingRules.MaxSentenceChars])
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"max {chars:N0} characters"), request.SystemPrompt, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("{{", request.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains("Write in English (en)", request.SystemPrompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_asks_only_for_the_missing_sections_and_keeps_only_those()
    {
        await using var llm = await LlmHarness.StartAsync();
        // The model answers more than it was asked: what was not asked is not taken.
        llm.Server.Enqueue(FakeOpenAiMode.Replying(WeeklySample.Json(WeeklySample.FullAnswer())));

        var draft = await llm.BriefingWriter.WriteAsync(
            WeeklySample.Material(), new HashSet<BriefingSection> { BriefingSection.Signal, BriefingSection.BigStory }, CancellationToken.None);

        var request = Assert.Single(llm.Server.Requests);
        var schema = WeeklySample.Schema(request.ResponseFormat);
        Assert.Equal(["big_story", "signal"], schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["big_story", "signal"], schema.GetProperty("required").EnumerateArray().Select(k => k.GetString()));
        foreach (var key in Keys.Except(["big_story", "signal"]))
        {
            Assert.DoesNotContain(key, request.SystemPrompt, StringComparison.Ordinal);
        }
        Assert.Contains("\n- big_story:", request.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains("\n- signal:", request.SystemPrompt, StringComparison.Ordinal);
        Assert.Equal(new BriefingDraft(BigStory: draft.BigStory, Signal: draft.Signal), draft);
        Assert.NotNull(draft.BigStory);
        Assert.NotNull(draft.Signal);
    }

    [Fact]
    public async Task A_retry_for_one_section_sends_only_the_material_it_may_cite()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.Replying(WeeklySample.Json(WeeklySample.FullAnswer())));

        var draft = await llm.BriefingWriter.WriteAsync(
            WeeklySample.Material(), new HashSet<BriefingSection> { BriefingSection.WatchAndListen }, CancellationToken.None);

        using var data = JsonDocument.Parse(FakeAnswers.DataBlock(Assert.Single(llm.Server.Requests).UserMessage)!);
        Assert.Equal(["episodes"], data.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(WeeklySample.EpisodeIds, draft.WatchAndListen!.Select(e => e.ArticleId));
    }

    [Fact]
    public async Task A_week_without_episodes_gets_an_empty_watch_and_listen_without_asking_for_one()
    {
        await using var llm = await LlmHarness.StartAsync();
        var answer = WeeklySample.FullAnswer();
        answer.Remove("watch_and_listen");
        llm.Server.Enqueue(FakeOpenAiMode.Replying(WeeklySample.Json(answer)));
        var material = WeeklySample.Material(episodes: false);

        var draft = await llm.BriefingWriter.WriteAsync(material, BriefingRules.Every, CancellationToken.None);
        var alone = await llm.BriefingWriter.WriteAsync(material, new HashSet<BriefingSection> { BriefingSection.WatchAndListen }, CancellationToken.None);

        var request = Assert.Single(llm.Server.Requests);
        Assert.False(WeeklySample.Schema(request.ResponseFormat).GetProperty("properties").TryGetProperty("watch_and_listen", out _));
        Assert.DoesNotContain("watch_and_listen", request.SystemPrompt, StringComparison.Ordinal);
        Assert.Empty(draft.WatchAndListen!);
        Assert.Empty(alone.WatchAndListen!);
        Assert.Empty(BriefingCheck.Missing(BriefingCheck.Keep(draft, material)));
    }

    [Fact]
    public async Task The_material_travels_as_data_with_ids_dates_lengths_and_arxiv_ids_and_clipped_summaries()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.Replying(WeeklySample.Json(WeeklySample.FullAnswer())));

        await llm.BriefingWriter.WriteAsync(WeeklySample.Material(), BriefingRules.Every, CancellationToken.None);

        var request = Assert.Single(llm.Server.Requests);
        Assert.Contains("2026-04-13 to 2026-04-19", request.UserMessage, StringComparison.Ordinal);
        using var data = JsonDocument.Parse(FakeAnswers.DataBlock(request.UserMessage)!);
        var root = data.RootElement;
        Assert.Equal(WeeklySample.StoryIds, Ids(root, "stories"));
        Assert.Equal(WeeklySample.CoverageIds, Ids(root, "coverage"));
        Assert.Equal(WeeklySample.EpisodeIds, Ids(root, "episodes"));
        Assert.Equal(WeeklySample.PaperIds, Ids(root, "papers"));
        var lead = root.GetProperty("stories")[0];
        Assert.Equal("Story 1 about model training", lead.GetProperty("title").GetString());
        Assert.Equal("source1.example", lead.GetProperty("source").GetString());
        Assert.Equal("2026-04-14", lead.GetProperty("date").GetString());
        Assert.Equal("ai-ml", lead.GetProperty("category").GetString());
        Assert.Equal("Read it to see what story 1 changes.", lead.GetProperty("why_read").GetString());
        Assert.Equal(["source11.example", "source12.example"], lead.GetProperty("also_covered_by").EnumerateArray().Select(s => s.GetString()));
        var summary = lead.GetProperty("summary").GetString()!;
        Assert.True(WeeklySample.SummaryOf(1).Length > 500);
        Assert.InRange(summary.Length, 300, 401);
        Assert.StartsWith(summary.TrimEnd('…'), WeeklySample.SummaryOf(1), StringComparison.Ordinal);
        Assert.False(lead.TryGetProperty("duration_minutes", out _));
        Assert.Equal(61, root.GetProperty("episodes")[0].GetProperty("duration_minutes").GetInt32());
        Assert.Equal("2604.01431", root.GetProperty("papers")[0].GetProperty("arxiv").GetString());
    }

    private static IEnumerable<long> Ids(JsonElement root, string list) =>
        root.GetProperty(list).EnumerateArray().Select(i => i.GetProperty("id").GetInt64());
}
