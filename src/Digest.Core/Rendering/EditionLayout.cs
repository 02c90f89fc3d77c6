using Digest.Core.Articles;
using Digest.Core.Editions;

namespace Digest.Core.Rendering;

/// <summary>
/// The order every chat renderer lays an edition out in, as blocks where a message may end: the header (with the
/// highlights), the must-reads, the data overview, keywords, topics, the sections of articles, the footer. Each
/// platform writes the blocks in its own markup; the order, and when a block is left out, is decided here once.
/// </summary>
public abstract class EditionLayout
{
    public IEnumerable<string> Build(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        yield return Header(edition);
        if (edition.Items.Count == 0)
        {
            yield return Empty();
        }
        foreach (var block in MustReads(edition))
        {
            yield return block;
        }
        yield return Overview(edition);
        if (Keywords(edition.Stats) is { } keywords)
        {
            yield return keywords;
        }
        if (Topics(edition) is { } topics)
        {
            yield return topics;
        }
        foreach (var block in Sections(edition))
        {
            yield return block;
        }
        yield return Footer(edition);
    }

    /// <summary>The one line of figures a chart's caption carries: sources, articles, window, selected.</summary>
    public static string CaptionFigures(EditionStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return $"{stats.SourcesOk}/{stats.SourcesTotal} sources · {stats.ArticlesFetched} fetched → {stats.ArticlesInWindow} in "
            + $"{ItemText.Window(stats.Window)} · {stats.Selected} selected";
    }

    protected abstract string Header(Edition edition);

    /// <summary>Said when no article made it in (<see cref="EditionText.Empty"/>, in the platform's markup).</summary>
    protected abstract string Empty();

    protected abstract IEnumerable<string> MustReads(Edition edition);

    protected abstract string Overview(Edition edition);

    /// <summary>Null when there are no keywords to show.</summary>
    protected abstract string? Keywords(EditionStats stats);

    /// <summary>
    /// Articles grouped by category, numbered as read (<see cref="ReadingOrder"/>). A section's heading travels with
    /// its first article, so it is never left alone at a message's end.
    /// </summary>
    protected IEnumerable<string> Sections(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        foreach (var section in ReadingOrder.Of(edition).GroupBy(n => n.Item.Category))
        {
            var heading = SectionHeading(section.Key);
            foreach (var numbered in section)
            {
                yield return heading + Article(numbered.Number, numbered.Item, edition.GeneratedAt);
                heading = string.Empty;
            }
        }
    }

    /// <summary>The topic tags, the leading ones emphasized; null when there are none.</summary>
    protected string? Topics(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var topics = EditionTopics.Of(edition)
            .Select((t, index) => index < EditionTopics.Leading ? Emphasized(EditionTopics.Label(t)) : Plain(EditionTopics.Label(t)))
            .ToList();
        return topics.Count == 0 ? null : TopicsHeading() + string.Join(ItemText.Separator, topics);
    }

    /// <summary>A category's heading, ending where its first article begins.</summary>
    protected abstract string SectionHeading(Category category);

    protected abstract string Article(int number, EditionItem item, DateTimeOffset now);

    /// <summary>The topics block's heading, ending where the tags begin.</summary>
    protected abstract string TopicsHeading();

    /// <summary>Untrusted text, escaped for the platform.</summary>
    protected abstract string Plain(string text);

    /// <summary>Untrusted text, escaped and emphasized.</summary>
    protected abstract string Emphasized(string text);

    protected abstract string Footer(Edition edition);
}
