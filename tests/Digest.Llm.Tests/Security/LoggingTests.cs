using Digest.Llm.Tests.Support;
using Digest.TestKit.OpenAi;
using Microsoft.Extensions.Logging;

namespace Digest.Llm.Tests.Security;

public sealed class LoggingTests
{
    [Fact]
    public async Task The_api_key_never_appears_in_any_log_line_at_any_level()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.ServerError, FakeOpenAiMode.Valid, FakeOpenAiMode.Junk, FakeOpenAiMode.Valid);
        var article = TestArticles.Make(1);

        await llm.Assessor.ScoreAsync(TestArticles.Batch(2), CancellationToken.None);
        await llm.Assessor.WriteUpAsync(article, TestArticles.AssessmentOf(article), "en", CancellationToken.None);
        llm.Server.DefaultMode = FakeOpenAiMode.ServerError;
        await Assert.ThrowsAnyAsync<Exception>(() => llm.Assessor.ScoreAsync(TestArticles.Batch(1), CancellationToken.None));

        var logs = llm.Logs.Entries;
        // The key was really used, and the scenario really logged (retries, an unusable answer, a failure).
        Assert.All(llm.Server.Requests, r => Assert.Equal($"Bearer {LlmHarness.ApiKey}", r.Authorization));
        Assert.Contains(logs, l => l.Level == LogLevel.Warning && l.Message.Contains("retry", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Level == LogLevel.Warning && l.Message.Contains("unusable", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Message.Contains("5ecret", StringComparison.Ordinal) || (l.Exception?.Contains("5ecret", StringComparison.Ordinal) ?? false));
    }

    [Fact]
    public async Task Article_text_is_not_logged_at_information_level_or_above()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.PartiallyValid, FakeOpenAiMode.Junk);
        var articles = TestArticles.Batch(3).Select(a => a with { Title = "Secret-title-" + a.Id, Text = "Private-body-text " + a.Text }).ToList();

        await llm.Assessor.ScoreAsync(articles, CancellationToken.None);

        var visible = llm.Logs.Entries.Where(l => l.Level >= LogLevel.Information).ToList();
        Assert.NotEmpty(visible);
        Assert.DoesNotContain(visible, l => l.Message.Contains("Private-body-text", StringComparison.Ordinal) || l.Message.Contains("Secret-title", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_print_without_the_key()
    {
        var options = new LlmOptions { ApiKey = LlmHarness.ApiKey };

        Assert.DoesNotContain("5ecret", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("ApiKey=(set)", options.ToString(), StringComparison.Ordinal);
    }
}
