using System.Diagnostics;
using Digest.Llm.Tests.Support;
using Digest.TestKit.OpenAi;

namespace Digest.Llm.Tests.Http;

public sealed class ResilienceTests
{
    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_and_then_succeeds()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.RateLimited(retryAfterSeconds: 1));
        var clock = Stopwatch.StartNew();

        var result = await llm.Assessor.ScoreAsync(TestArticles.Batch(2), CancellationToken.None);

        // The configured back-off is 10 ms, so a wait of about a second can only come from Retry-After.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(5));
        Assert.Equal(2, result.Count);
        Assert.Equal(2, llm.Server.TotalCalls);
        Assert.True(Assert.Single(llm.Usage.Records).Succeeded);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_longest_wait_fails_at_once()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.RateLimited(retryAfterSeconds: 3_600));

        await Assert.ThrowsAnyAsync<Exception>(() => llm.Assessor.ScoreAsync(TestArticles.Batch(2), CancellationToken.None));

        Assert.Equal(1, llm.Server.TotalCalls);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_the_call_fails_after_max_retries()
    {
        await using var llm = await LlmHarness.StartAsync(new Dictionary<string, string?> { ["Llm:MaxRetries"] = "2" });
        llm.Server.DefaultMode = FakeOpenAiMode.ServerError;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => llm.Assessor.ScoreAsync(TestArticles.Batch(2), CancellationToken.None));

        Assert.IsNotType<LlmAnswerException>(error);
        Assert.Equal(3, llm.Server.TotalCalls);
        var record = Assert.Single(llm.Usage.Records);
        Assert.False(record.Succeeded);
        Assert.Equal("score", record.Purpose);
    }

    [Fact]
    public async Task A_server_error_then_success_is_invisible_to_the_caller()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.ServerError);

        var result = await llm.Assessor.ScoreAsync(TestArticles.Batch(3), CancellationToken.None);

        Assert.Equal(3, result.Count);
        Assert.Equal(2, llm.Server.TotalCalls);
    }

    [Fact]
    public async Task A_hanging_server_times_out_each_attempt_and_the_call_throws()
    {
        await using var llm = await LlmHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Llm:Timeout"] = "00:00:00.300",
            ["Llm:MaxRetries"] = "1",
        });
        llm.Server.DefaultMode = FakeOpenAiMode.Hang;
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<Exception>(() => llm.Assessor.ScoreAsync(TestArticles.Batch(2), CancellationToken.None));

        // Two attempts of 300 ms each at least; the upper bound only says it ends (a busy CI machine is slow, not hung).
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.55), TimeSpan.FromSeconds(30));
        Assert.Equal(2, llm.Server.TotalCalls);
        Assert.False(Assert.Single(llm.Usage.Records).Succeeded);
    }

    [Fact]
    public async Task Cancelling_the_caller_stops_a_hanging_call()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.DefaultMode = FakeOpenAiMode.Hang;
        using var cts = new CancellationTokenSource();

        var call = llm.Assessor.ScoreAsync(TestArticles.Batch(1), cts.Token);
        // Cancelled once the request hangs at the server (not after a fixed time a busy machine may need just to send it).
        var waited = Stopwatch.StartNew();
        while (llm.Server.TotalCalls == 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(10);
        }
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, llm.Server.TotalCalls);
    }

    [Fact]
    public async Task No_more_requests_than_max_concurrency_are_in_flight()
    {
        await using var llm = await LlmHarness.StartAsync(new Dictionary<string, string?> { ["Llm:MaxConcurrency"] = "2" });
        llm.Server.DefaultMode = FakeOpenAiMode.Hang;
        using var cts = new CancellationTokenSource();

        var calls = Enumerable.Range(1, 4).Select(i => llm.Assessor.ScoreAsync([TestArticles.Make(i)], cts.Token)).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        var inFlight = llm.Server.TotalCalls;
        await cts.CancelAsync();
        foreach (var call in calls)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }

        Assert.Equal(2, inFlight);
    }
}
