namespace Digest.Core.Editions;

/// <summary>
/// The order a reader meets an edition's articles in, and the number each carries: grouped by category, categories
/// in the order of their best article, best first within each, numbered 1, 2, 3 … across the sections. Every renderer
/// numbers by it, and "#3" in a chat means the third in it.
/// </summary>
public static class ReadingOrder
{
    public static IReadOnlyList<NumberedItem> Of(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return edition.Items
            .OrderBy(i => i.Rank)
            .GroupBy(i => i.Category)
            .SelectMany(section => section)
            .Select((item, index) => new NumberedItem(index + 1, item))
            .ToList();
    }
}

public sealed record NumberedItem(int Number, EditionItem Item);
