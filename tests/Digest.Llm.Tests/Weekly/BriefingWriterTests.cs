using System.Text.Json;
using System.Text.Json.Nodes;
using Digest.Core.Assessing;
using Digest.Core.Weekly;
using Digest.Llm.Tests.Support;
using Digest.TestKit.OpenAi;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Llm.Tests.Weekly;

public sealed class BriefingWriterTests
{
    [Fact]
    public async Task A_full_answer_fills_every_section_with_the_articles_it_cites()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.Replying(WeeklySample.Json(WeeklySample.FullAnswer())));
        var material = WeeklySample.Material();

        var draft = await llm.BriefingWriter.WriteAsync(material, BriefingRules.Every, CancellationToken.None);

        Assert.Equal([1L, 2L, 31L], draft.Thesis!.ArticleIds);
        Assert.StartsWith("Training economics, not parameter count", draft.Thesis.Text, StringComparison.Ordinal);
        Assert.Equal(WeeklySample.EpisodeIds, draft.WatchAndListen!.Select(e => e.ArticleId));
        Assert.Equal(BriefingRules.Takeaways, draft.Takeaways!.Count);
        Assert.Equal([1L], draft.Takeaways[0].ArticleIds);
        Assert.Equal(1, draft.BigStory!.ArticleId);
        Assert.Equal("Story 1 landed: a measured change in how teams train models.", draft.BigStory.WhatHappened);
        Assert.Equal("It turns a modelling question into a data question that filters cannot answer.", draft.BigStory.WhyItMatters);
        var also = Assert.IsAssignableFrom<IReadOnlyList<BriefingStory>>(draft.AlsoThisWeek);
        Assert.Equal([2L, 3L, 4L, 5L], also.Select(s => s.ArticleId));
        Assert.All(also, s => Assert.Equal(string.Empty, s.WhatHappened));
        Assert.Equal([(31L, "2604.01431"), (32L, "2604.01432")], draft.FromTheLab!.Select(p => (p.ArticleId, p.ArxivId ?? "")));
        var reading = Assert.IsAssignableFrom<IReadOnlyList<BriefingReading>>(draft.WorthReading);
        Assert.Equal(WeeklySample.CoverageIds, reading.Select(r => r.ArticleId));
        Assert.Equal("the clearest take on story 1", reading[0].Note);
        Assert.Equal([1L, 31L], draft.Signal!.ArticleIds);
        // The answer holds as a whole under the core's rules: nothing would be asked again.
        Assert.Empty(BriefingCheck.Missing(BriefingCheck.Keep(draft, material)));
    }

    [Fact]
    public async Task Sections_missing_or_misshapen_in_the_answer_are_null_and_the_rest_are_kept()
    {
        await using var llm = await LlmHarness.StartAsync();
        var answer = WeeklySample.FullAnswer();
        answer.Remove("big_story");
        answer.Remove("signal");
        answer["takeaways"] = "Five things to do this week.";
        answer["thesis"] = new JsonObject { ["text"] = "No ids given." };
        llm.Server.Enqueue(FakeOpenAiMode.Replying(WeeklySample.Json(answer)));

        var draft = await llm.BriefingWriter.WriteAsync(WeeklySample.Material(), BriefingRules.Every, CancellationToken.None);

        Assert.Null(draft.BigStory);
        Assert.Null(draft.Signal);
        Assert.Null(draft.Takeaways);
        Assert.Null(draft.Thesis);
        Assert.NotNull(draft.WatchAndListen);
        Assert.Equal(4, draft.AlsoThisWeek!.Count);
        Assert.Equal(2, draft.FromTheLab!.Count);
        Assert.Equal(3, draft.WorthReading!.Count);
        Assert.Equal(
            [BriefingSection.Thesis, BriefingSection.Takeaways, BriefingSection.BigStory, BriefingSection.Signal],
            BriefingCheck.Missing(draft));
    }

    [Fact]
    public async Task An_answer_that_is_not_json_throws_so_the_core_writes_offline()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.DefaultMode = FakeOpenAiMode.Junk;
        var material = WeeklySample.Material();

        await Assert.ThrowsAsync<LlmAnswerException>(() => llm.BriefingWriter.WriteAsync(material, BriefingRules.Every, CancellationToken.None));
        var draft = await LlmOrOffline.RunAsync(
            true,
            () => llm.BriefingWriter.WriteAsync(material, BriefingRules.Every, CancellationToken.None),
            () => new OfflineBriefingWriter().WriteAsync(material, BriefingRules.Every, CancellationToken.None),
            "Weekly briefing",
            llm.BriefingWriter.ModelId,
            NullLogger.Instance,
            CancellationToken.None);

        Assert.Equal(OfflineBriefingWriter.Write(material), draft, new DraftComparer());
        Assert.Equal(2, llm.Server.Calls("weekly"));
        Assert.All(llm.Usage.Records, r => Assert.False(r.Succeeded));
    }

    [Fact]
    public async Task A_json_array_is_no_briefing_either()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.Replying("[{\"thesis\": {\"text\": \"A week.\", \"ids\": [1]}}]"));

        await Assert.ThrowsAsync<LlmAnswerException>(() => llm.BriefingWriter.WriteAsync(WeeklySample.Material(), BriefingRules.Every, CancellationToken.None));
    }

    [Fact]
    public async Task The_call_is_recorded_in_the_usage_log_as_weekly_with_its_tokens()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.Replying(WeeklySample.Json(WeeklySample.FullAnswer())));

        await llm.BriefingWriter.WriteAsync(WeeklySample.Material(), BriefingRules.Every, CancellationToken.None);

        var request = Assert.Single(llm.Server.Requests);
        Assert.Equal("weekly", request.Purpose);
        var usage = Assert.Single(llm.Usage.Records);
        Assert.Equal(("weekly", LlmHarness.Model, 120, 40, true), (usage.Purpose, usage.ModelId, usage.PromptTokens, usage.CompletionTokens, usage.Succeeded));
        Assert.Equal(LlmHarness.Model, llm.BriefingWriter.ModelId);
        Assert.Equal("weekly-v1", llm.BriefingWriter.PromptVersion);
    }

    [Fact]
    public async Task A_week_of_nothing_spends_no_call()
    {
        await using var llm = await LlmHarness.StartAsync();
        var empty = new WeeklyMaterial(new DateOnly(2026, 4, 13), new DateOnly(2026, 4, 19), "en", [], [], [], []);

        await Assert.ThrowsAsync<LlmAnswerException>(() => llm.BriefingWriter.WriteAsync(empty, BriefingRules.Every, CancellationToken.None));

        Assert.Equal(0, llm.Server.TotalCalls);
    }

    /// <summary>Drafts hold lists, which records compare by reference: compared by their JSON instead.</summary>
    private sealed class DraftComparer : IEqualityComparer<BriefingDraft>
    {
        public bool Equals(BriefingDraft? x, BriefingDraft? y) =>
            JsonSerializer.Serialize(x) == JsonSerializer.Serialize(y);

        public int GetHashCode(BriefingDraft obj) => JsonSerializer.Serialize(obj).GetHashCode(StringComparison.Ordinal);
    }
}
