using System.Text.Json;
using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Llm.Tests.Support;
using Digest.TestKit.OpenAi;

namespace Digest.Llm.Tests.Writing;

public sealed class HighlightsTests
{
    private static readonly IReadOnlyList<HighlightInput> Selected =
    [
        new("Rust in the kernel", "lwn.net", Category.Engineering, ["rust", "linux"], "Rust drivers land in the kernel."),
        new("A new CVE in OpenSSH", "openwall.com", Category.Security, ["openssh", "cve"], "A remote bug in OpenSSH was fixed."),
        new("Small models win", "example.com", Category.AiMl, ["llm", "distillation"], "Distilled models beat larger ones."),
    ];

    [Fact]
    public async Task Highlights_are_one_paragraph_in_the_language_asked_over_all_selected_articles()
    {
        await using var llm = await LlmHarness.StartAsync();

        var paragraph = await llm.Assessor.WriteHighlightsAsync(Selected, "fr", CancellationToken.None);

        Assert.Equal(FakeAnswers.HighlightsParagraph(3), paragraph);
        var request = Assert.Single(llm.Server.Requests);
        Assert.Equal("highlights", request.Purpose);
        Assert.Contains("Write in French (fr)", request.SystemPrompt, StringComparison.Ordinal);
        using var data = JsonDocument.Parse(FakeAnswers.DataBlock(request.UserMessage)!);
        Assert.Equal(Selected.Select(s => s.Title), data.RootElement.EnumerateArray().Select(e => e.GetProperty("title").GetString()));
        Assert.Equal("highlights", Assert.Single(llm.Usage.Records).Purpose);
    }

    [Fact]
    public async Task Junk_highlights_are_asked_for_once_more_then_throw()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.DefaultMode = FakeOpenAiMode.Junk;

        await Assert.ThrowsAsync<LlmAnswerException>(() => llm.Assessor.WriteHighlightsAsync(Selected, "en", CancellationToken.None));

        Assert.Equal(2, llm.Server.Calls("highlights"));
    }

    [Fact]
    public async Task An_empty_selection_spends_no_call()
    {
        await using var llm = await LlmHarness.StartAsync();

        await Assert.ThrowsAsync<LlmAnswerException>(() => llm.Assessor.WriteHighlightsAsync([], "en", CancellationToken.None));

        Assert.Equal(0, llm.Server.TotalCalls);
    }
}
