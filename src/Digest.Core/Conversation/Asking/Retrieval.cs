using Digest.Core.Articles;
using Digest.Core.Editions;

namespace Digest.Core.Conversation.Asking;

/// <summary>
/// Finds the articles a question is about: the one the message points at, then the chat's last edition, then the
/// archive's full-text search. Each comes with an excerpt around its best-matching sentences.
/// </summary>
public sealed class Retrieval(IArticleStore articles)
{
    public const int MaxSources = 5;

    public const int MaxExcerpt = 1_500;

    // More hits than are kept, so that recency can order those that match equally well.
    private const int SearchLimit = 20;

    /// <summary>Up to <see cref="MaxSources"/> sources numbered from 1, best first, none twice; empty when nothing matches.</summary>
    public async Task<IReadOnlyList<Source>> FindAsync(string question, AskFocus focus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(focus);
        var words = new QuestionWords(question);
        var picked = new List<Article>();

        var ids = focus.Edition.Select(i => i.ArticleId).ToHashSet();
        if (focus.ArticleId is { } pointedId)
        {
            ids.Add(pointedId);
        }
        var known = ids.Count == 0 ? [] : (await articles.GetByIdsAsync(ids, ct)).ToDictionary(a => a.Id);
        if (focus.ArticleId is { } id && known.TryGetValue(id, out var pointed))
        {
            picked.Add(pointed);
        }
        if (!words.IsEmpty)
        {
            picked.AddRange(FromEdition(focus.Edition, known, words));
            if (picked.Count < MaxSources)
            {
                var found = await articles.SearchAsync(string.Join(' ', words.Terms), SearchLimit, ct);
                // Ordering is stable: among equally good, equally recent hits the store's bm25 order stays.
                picked.AddRange(found
                    .OrderByDescending(a => words.Overlap(a.Title + "\n" + a.Text))
                    .ThenByDescending(a => a.PublishedAt ?? a.FirstSeenAt));
            }
        }
        return picked
            .DistinctBy(a => a.Id)
            .Take(MaxSources)
            .Select((a, i) => new Source(i + 1, a.Id, a.Title, a.CanonicalUrl, a.Source, a.PublishedAt, Excerpt.Around(a.Text, words, MaxExcerpt)))
            .ToList();
    }

    /// <summary>The edition's articles that share a word with the question, most shared first, then in the edition's order.</summary>
    private static IEnumerable<Article> FromEdition(IReadOnlyList<EditionItem> edition, Dictionary<long, Article> known, QuestionWords words) =>
        edition
            .Select((item, order) => (Article: known.GetValueOrDefault(item.ArticleId), Order: order, Item: item))
            .Where(e => e.Article is not null)
            .Select(e => (e.Article!, e.Order, Score: words.Overlap(MatchText(e.Item, e.Article!))))
            .Where(e => e.Score > 0)
            .OrderByDescending(e => e.Score)
            .ThenBy(e => e.Order)
            .Select(e => e.Item1);

    /// <summary>What the reader saw of it counts too: the edition's summary and tags may name what the text does not.</summary>
    private static string MatchText(EditionItem item, Article article) =>
        string.Join('\n', [article.Title, item.Summary, string.Join(", ", item.Tags), string.Join(", ", item.Keywords), article.Text]);
}
