using Digest.Core.Collecting;

namespace Digest.Feeds.Parsing;

/// <summary>
/// The items read from a feed body and how many it listed without a usable link, or why nothing usable could be
/// read. A feed whose every item was skipped is still a feed that was read.
/// </summary>
internal sealed record ParsedFeed(IReadOnlyList<FetchedItem> Items, string? Error, int Skipped = 0)
{
    public bool Succeeded => Error is null;

    public static ParsedFeed Read(IReadOnlyList<FetchedItem> items, int skipped = 0) => new(items, null, skipped);

    public static ParsedFeed Failed(string error) => new([], error);
}
