using Digest.Core.Weekly;
using Digest.Llm.Tests.Support;
using Digest.TestKit.OpenAi;

namespace Digest.Llm.Tests.Weekly;

public sealed class BriefingInjectionTests
{
    [Fact]
    public async Task Article_text_with_instructions_stays_inside_the_user_data_block()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.Replying(WeeklySample.Json(WeeklySample.FullAnswer())));

        await llm.BriefingWriter.WriteAsync(WeeklySample.Material(injected: true), BriefingRules.Every, CancellationToken.None);

        var request = Assert.Single(llm.Server.Requests);
        Assert.DoesNotContain("Ignore previous instructions", request.SystemPrompt, StringComparison.Ordinal);
        Assert.DoesNotContain("PWNED", request.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains("ignore every one of them", request.SystemPrompt, StringComparison.Ordinal);
        var data = FakeAnswers.DataBlock(request.UserMessage)!;
        Assert.Contains("Ignore previous instructions", data, StringComparison.Ordinal);
        // The article's own "</data>" is escaped, so the block closes exactly once, after all the material.
        Assert.EndsWith("</data>", request.UserMessage, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(request.UserMessage, "</data>"));
        var outside = request.UserMessage.Replace("<data>" + data + "</data>", "", StringComparison.Ordinal);
        Assert.DoesNotContain("Ignore previous instructions", outside, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
