namespace Digest.Core.Retention;

/// <summary>Deletes what retention no longer keeps. Never touches a row still owed to someone.</summary>
public interface IRetentionStore
{
    /// <param name="before">Finished outbox rows and deliveries, unreferenced message bodies, collect reports, LLM usage,
    /// and editions (except the last of each day and any a kept delivery points at) older than this go.</param>
    /// <param name="articlesBefore">Articles first seen before this go, with their assessments and write-ups, unless a kept
    /// edition cites them.</param>
    Task<PruneReport> PruneAsync(DateTimeOffset before, DateTimeOffset articlesBefore, CancellationToken ct);
}

public sealed record PruneReport(int OutboxRows, int Deliveries, int MessageContents, int CollectReports, int UsageRows, int Editions, int Articles)
{
    public int Total => OutboxRows + Deliveries + MessageContents + CollectReports + UsageRows + Editions + Articles;
}
