using Digest.Core.Assessing;
using Digest.Storage.Assessing;
using Digest.Storage.Sql;

namespace Digest.Storage.Tests.Assessing;

public sealed class LlmUsageLogTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Usage_by_purpose_counts_the_calls_from_since_up_to_but_not_at_until_failed_ones_included()
    {
        await using var test = await TestDatabase.CreateAsync();
        var log = new SqliteLlmUsageLog(test.Db);
        var until = Start.AddMinutes(10);
        await RecordAsync(log, "score", 9000, 900, Start.AddMilliseconds(-1));
        await RecordAsync(log, "score", 1000, 200, Start);
        await RecordAsync(log, "writeup", 300, 80, Start.AddMinutes(2));
        await log.RecordAsync(new LlmUsage("gpt", "score", 0, 0, Succeeded: false, Start.AddMinutes(3)), Ct);
        await RecordAsync(log, "writeup", 350, 90, until.AddMilliseconds(-1));
        await RecordAsync(log, "highlights", 700, 150, until);

        var usage = await log.GetByPurposeAsync(Start, until, Ct);

        Assert.Equal([new LlmPurposeUsage("score", 2, 1000, 200), new LlmPurposeUsage("writeup", 2, 650, 170)], usage);
    }

    [Fact]
    public async Task Windows_that_meet_at_a_moment_count_every_call_once_even_within_one_millisecond()
    {
        await using var test = await TestDatabase.CreateAsync();
        var log = new SqliteLlmUsageLog(test.Db);
        // A boundary inside a millisecond, and calls in that same millisecond on either side of it.
        var boundary = Start.AddMinutes(5).AddTicks(4000);
        await RecordAsync(log, "score", 100, 10, Start.AddMinutes(1));
        await RecordAsync(log, "writeup", 200, 20, boundary.AddTicks(-2000));
        await RecordAsync(log, "writeup", 300, 30, boundary.AddTicks(2000));
        await RecordAsync(log, "highlights", 400, 40, Start.AddMinutes(9));

        var first = await log.GetByPurposeAsync(Start, boundary, Ct);
        var second = await log.GetByPurposeAsync(boundary, Start.AddMinutes(10), Ct);

        Assert.Equal(4, first.Concat(second).Sum(u => u.Calls));
        Assert.Equal(1000, first.Concat(second).Sum(u => u.PromptTokens));
        Assert.Equal(100, first.Concat(second).Sum(u => u.CompletionTokens));
    }

    [Fact]
    public async Task No_calls_in_the_window_is_an_empty_list()
    {
        await using var test = await TestDatabase.CreateAsync();
        var log = new SqliteLlmUsageLog(test.Db);
        await RecordAsync(log, "score", 100, 10, Start.AddDays(-1));

        Assert.Empty(await log.GetByPurposeAsync(Start, DateTimeOffset.MaxValue, Ct));
    }

    [Fact]
    public async Task Usage_by_day_groups_calls_by_utc_day_and_purpose_from_the_first_day_on()
    {
        await using var test = await TestDatabase.CreateAsync();
        var log = new SqliteLlmUsageLog(test.Db);
        var day = new DateOnly(2025, 6, 2);
        var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await RecordAsync(log, "score", 5000, 500, midnight.AddMilliseconds(-1));
        await RecordAsync(log, "score", 1000, 100, midnight);
        // 23:30 in New York is already the next UTC day.
        await RecordAsync(log, "score", 2000, 200, new DateTimeOffset(2025, 6, 2, 23, 30, 0, TimeSpan.FromHours(-4)));
        await RecordAsync(log, "writeup", 300, 30, midnight.AddHours(12));
        await RecordAsync(log, "writeup", 400, 40, midnight.AddHours(13));
        await RecordAsync(log, "highlights", 600, 60, midnight.AddDays(1).AddHours(-1));

        var usage = await log.GetByDayAsync(day, Ct);

        Assert.Equal(
            [
                new LlmDailyUsage(day, "highlights", 1, 600, 60),
                new LlmDailyUsage(day, "score", 1, 1000, 100),
                new LlmDailyUsage(day, "writeup", 2, 700, 70),
                new LlmDailyUsage(day.AddDays(1), "score", 1, 2000, 200),
            ],
            usage);
    }

    [Fact]
    public async Task Reading_usage_by_time_uses_the_index_on_at()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using var connection = await test.Db.OpenAsync(Ct);

        var plan = await connection.Command("EXPLAIN QUERY PLAN SELECT purpose, COUNT(*) FROM llm_usage WHERE at >= 1 AND at < 2 GROUP BY purpose")
            .ListAsync(r => r.GetString(3), Ct);

        Assert.Contains(plan, step => step.Contains("USING INDEX ix_llm_usage_at", StringComparison.Ordinal));
    }

    private static Task RecordAsync(SqliteLlmUsageLog log, string purpose, int prompt, int completion, DateTimeOffset at) =>
        log.RecordAsync(new LlmUsage("gpt", purpose, prompt, completion, Succeeded: true, at), Ct);
}
