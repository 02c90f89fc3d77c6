namespace Digest.Feeds;

/// <summary>
/// Where the feed list comes from and the limits every fetch runs under; bound to the "Feeds" section, whose keys for
/// the pace of a whole run (MaxConcurrency, PerHost, Deadline) belong to the core's CollectOptions.
/// </summary>
public sealed class FeedOptions
{
    public const string SectionName = "Feeds";

    public const string DefaultUserAgent = "Digest/1.0 (+https://github.com/digest-news/digest; RSS digest bot)";

    /// <summary>An OPML file that replaces the built-in feed list; null or empty keeps the built-in one.</summary>
    public string? Opml { get; set; }

    /// <summary>An OPML file that replaces the built-in weekly briefing sources; null or empty keeps the built-in one.</summary>
    public string? WeeklyOpml { get; set; }

    /// <summary>Per feed, from sending the request to the last byte of the body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest body accepted, counted after decompression.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxRedirects { get; set; } = 5;

    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>
    /// Article pages are fetched from links that feeds supply, so by default never from loopback, private or
    /// link-local addresses. Feeds themselves (configured by the operator) may live anywhere.
    /// </summary>
    public bool AllowPrivatePageAddresses { get; set; }
}
