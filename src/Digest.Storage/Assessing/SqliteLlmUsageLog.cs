using Digest.Core.Assessing;
using Digest.Storage.Sql;

namespace Digest.Storage.Assessing;

public sealed class SqliteLlmUsageLog(SqliteDatabase db) : ILlmUsageLog
{
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
}
