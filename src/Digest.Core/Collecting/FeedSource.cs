namespace Digest.Core.Collecting;

/// <summary>A feed to collect from: its URL and the names it is shown by.</summary>
public sealed record FeedSource(string Url, string Title, string? SiteUrl = null);
