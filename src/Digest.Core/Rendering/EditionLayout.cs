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

    /// <summary>Null when there are no topics to show.</summary>
    protected abstract string? Topics(Edition edition);

    protected abstract IEnumerable<string> Sections(Edition edition);

    protected abstract string Footer(Edition edition);
}
