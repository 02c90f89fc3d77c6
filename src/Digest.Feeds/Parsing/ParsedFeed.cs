using Digest.Core.Collecting;

namespace Digest.Feeds.Parsing;

/// <summary>The items read from a feed body, or why nothing usable could be read.</summary>
internal sealed record ParsedFeed(IReadOnlyList<FetchedItem> Items, string? Error)
{
    public bool Succeeded => Error is null;

    public static ParsedFeed Read(IReadOnlyList<FetchedItem> items) => new(items, null);

    public static ParsedFeed Failed(string error) => new([], error);
}
