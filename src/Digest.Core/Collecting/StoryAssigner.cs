using Digest.Core.Articles;

namespace Digest.Core.Collecting;

/// <summary>
/// Stores a run's new articles feed by feed, each placed in its story in the same transaction. The grouper learns the
/// stored week only when a first article is new, so a run of unchanged feeds reads nothing more.
/// </summary>
internal sealed class StoryAssigner(IArticleStore articles, DateTimeOffset memoryStart)
{
    private StoryGrouper? _grouper;

    /// <summary>Stores what is new of <paramref name="fresh"/>; returns how many articles that was.</summary>
    public async Task<int> StoreAsync(IReadOnlyList<NewArticle> fresh, CancellationToken ct)
    {
        if (fresh.Count == 0)
        {
            return 0;
        }
        var stored = await articles.AddNewAsync(fresh, AssignAsync, ct);
        return stored.Count;
    }

    private async ValueTask<long> AssignAsync(Article article, CancellationToken ct)
    {
        // Read on first use, before this run's first insert commits: "earlier" is everything stored before this run.
        _grouper ??= new StoryGrouper(await articles.GetSinceAsync(memoryStart, ct));
        return _grouper.Assign(article);
    }
}
