namespace Digest.Core.Collecting;

/// <summary>What one collection run did: the data overview's "sources ok / total" and "articles fetched".</summary>
public sealed record CollectReport(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int SourcesOk,
    int SourcesTotal,
    int ItemsFetched,
    int NewArticles,
    IReadOnlyList<FeedFailure> Failures);

public sealed record FeedFailure(string Url, string Error);
