using System.Collections.Concurrent;
using Digest.Core.Assessing;

namespace Digest.Llm.Tests.Support;

public sealed class InMemoryUsageLog : ILlmUsageLog
{
    private readonly ConcurrentQueue<LlmUsage> _records = new();

    public IReadOnlyList<LlmUsage> Records => [.. _records];

    public Task RecordAsync(LlmUsage usage, CancellationToken ct)
    {
        _records.Enqueue(usage);
        return Task.CompletedTask;
    }

    public Task<LlmUsageTotals> GetTotalsAsync(CancellationToken ct) =>
        Task.FromResult(new LlmUsageTotals(_records.Count, _records.Sum(r => (long)r.PromptTokens), _records.Sum(r => (long)r.CompletionTokens)));

    public Task<IReadOnlyList<LlmPurposeUsage>> GetByPurposeAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<LlmPurposeUsage>>(_records
            .Where(r => r.At >= since && r.At < until)
            .GroupBy(r => r.Purpose, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LlmPurposeUsage(g.Key, g.Count(), g.Sum(r => (long)r.PromptTokens), g.Sum(r => (long)r.CompletionTokens)))
            .ToList());

    public Task<IReadOnlyList<LlmDailyUsage>> GetByDayAsync(DateOnly firstDay, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<LlmDailyUsage>>(_records
            .Select(r => (Day: DateOnly.FromDateTime(r.At.UtcDateTime), Usage: r))
            .Where(r => r.Day >= firstDay)
            .GroupBy(r => (r.Day, r.Usage.Purpose))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Purpose, StringComparer.Ordinal)
            .Select(g => new LlmDailyUsage(g.Key.Day, g.Key.Purpose, g.Count(), g.Sum(r => (long)r.Usage.PromptTokens), g.Sum(r => (long)r.Usage.CompletionTokens)))
            .ToList());
}
