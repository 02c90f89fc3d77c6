using System.Globalization;
using Digest.Core.Editions;

namespace Digest.Core.Rendering;

/// <summary>
/// The topic tags of the articles an edition shows, with how many carry each, most used first. Counted over the items
/// rather than the edition's keyword stats, so a subscriber's cut lists the topics of what they actually get.
/// </summary>
public static class EditionTopics
{
    public const int Shown = 20;

    /// <summary>How many of the first topics a renderer emphasizes.</summary>
    public const int Leading = 3;

    public static IReadOnlyList<KeywordCount> Of(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return edition.Items
            .OrderBy(i => i.Rank)
            .SelectMany(i => i.Tags.Select(t => ItemText.OneLine(t).ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
            .GroupBy(t => t, StringComparer.Ordinal)
            .Select((g, firstSeen) => (Topic: g.Key, Count: g.Count(), FirstSeen: firstSeen))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.FirstSeen)
            .Take(Shown)
            .Select(t => new KeywordCount(t.Topic, t.Count))
            .ToList();
    }

    /// <summary>"gemini(2)", as in the daily sample.</summary>
    public static string Label(KeywordCount topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return string.Create(CultureInfo.InvariantCulture, $"{topic.Keyword}({topic.Count})");
    }
}
