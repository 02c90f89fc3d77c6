using Digest.Core.Assessing;
using Digest.Storage.Sql;

namespace Digest.Storage.Assessing;

public sealed class SqliteLlmUsageLog(SqliteDatabase db) : ILlmUsageLog
{
    private const long MillisecondsPerDay = 86_400_000;

    private static readonly DateOnly EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch);

    public async Task RecordAsync(LlmUsage usage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(usage);
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            INSERT INTO llm_usage (model_id, purpose, prompt_tokens, completion_tokens, succeeded, at)
            VALUES (@model, @purpose, @prompt, @completion, @ok, @at)
            """)
            .With("@model", usage.ModelId)
            .With("@purpose", usage.Purpose)
            .With("@prompt", usage.PromptTokens)
            .With("@completion", usage.CompletionTokens)
            .With("@ok", usage.Succeeded ? 1 : 0)
            .With("@at", usage.At.ToUnixMs())
            .RunAsync(ct);
    }

    public async Task<LlmUsageTotals> GetTotalsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var totals = await connection.Command(
            "SELECT COUNT(*), COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), 0) FROM llm_usage")
            .FirstOrDefaultAsync(r => new LlmUsageTotals(r.GetInt32(0), r.GetInt64(1), r.GetInt64(2)), ct);
        return totals ?? new LlmUsageTotals(0, 0, 0);
    }

    public async Task<IReadOnlyList<LlmPurposeUsage>> GetByPurposeAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command("""
            SELECT purpose, COUNT(*), SUM(prompt_tokens), SUM(completion_tokens)
            FROM llm_usage
            WHERE at >= @since AND at < @until
            GROUP BY purpose
            ORDER BY purpose
            """)
            .With("@since", since.ToUnixMs())
            .With("@until", until.ToUnixMs())
            .ListAsync(r => new LlmPurposeUsage(r.GetString(0), r.GetInt32(1), r.GetInt64(2), r.GetInt64(3)), ct);
    }

    public async Task<IReadOnlyList<LlmDailyUsage>> GetByDayAsync(DateOnly firstDay, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        // `at` is in Unix milliseconds, so whole days since the epoch are UTC days.
        return await connection.Command("""
            SELECT at / @day_ms AS day, purpose, COUNT(*), SUM(prompt_tokens), SUM(completion_tokens)
            FROM llm_usage
            WHERE at >= @since
            GROUP BY day, purpose
            ORDER BY day, purpose
            """)
            .With("@day_ms", MillisecondsPerDay)
            .With("@since", (long)(firstDay.DayNumber - EpochDay.DayNumber) * MillisecondsPerDay)
            .ListAsync(r => new LlmDailyUsage(EpochDay.AddDays(r.GetInt32(0)), r.GetString(1), r.GetInt32(2), r.GetInt64(3), r.GetInt64(4)), ct);
    }
}
