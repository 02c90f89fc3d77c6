namespace Digest.Feeds;

/// <summary>
/// The limits for reading a link someone sends in a chat, bound to the "Pages" section. Tighter than the feed limits:
/// a person is waiting for the answer, and the link may come from anyone.
/// </summary>
public sealed class PageOptions
{
    public const string SectionName = "Pages";

    /// <summary>From sending the request to the last byte of the body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest page accepted, counted after decompression.</summary>
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;
}
