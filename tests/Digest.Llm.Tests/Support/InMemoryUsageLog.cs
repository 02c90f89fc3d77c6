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
}
