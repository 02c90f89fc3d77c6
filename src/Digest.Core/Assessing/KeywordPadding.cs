using Digest.Core.Articles;
using Digest.Core.Assessing.Offline;

namespace Digest.Core.Assessing;

/// <summary>
/// Tops up assessments that came with fewer than <see cref="Min"/> keywords from the article's offline keywords. A
/// model that named one topic still scored the article: asking again would cost a call for a word the text gives us.
/// </summary>
internal static class KeywordPadding
{
    /// <summary>What charts, tags and the offline "why read it" count on.</summary>
    public const int Min = 2;

    // Enough offline terms that some are left after those sharing a word with the model's.
    private const int Candidates = 8;

    /// <summary>Each assessment of an article in <paramref name="batch"/>, with at least <see cref="Min"/> distinct keywords.</summary>
    public static IReadOnlyList<Assessment> Pad(IReadOnlyList<Assessment> scored, IReadOnlyList<Article> batch)
    {
        if (scored.All(a => a.Keywords.Count >= Min))
        {
            return scored;
        }
        // The batch is the corpus, as when the offline assessor scores it: a term common to all of it tells nothing.
        var extractor = new KeywordExtractor(batch.Select(a => (a.Title, a.Text)));
        var articles = batch.ToDictionary(a => a.Id);
        return scored
            .Select(a => a.Keywords.Count >= Min || !articles.TryGetValue(a.ArticleId, out var article)
                ? a
                : a with { Keywords = Padded(a.Keywords, OfflineKeywords.Of(article, extractor, Candidates).Concat(OfflineKeywords.Fallbacks(article, a.Category))) })
            .ToList();
    }

    private static List<string> Padded(IReadOnlyList<string> given, IEnumerable<string> offline)
    {
        var keywords = given.ToList();
        var candidates = offline.Where(c => !keywords.Contains(c, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // A term that shares a word with one the model gave ("rust" and "rust compiler") mostly says it again, so
        // distinct words go first; the rest only when nothing else is left.
        var fresh = candidates.Where(c => !keywords.Any(k => SharesWord(k, c))).ToList();
        keywords.AddRange(fresh.Concat(candidates.Except(fresh)).Take(Math.Max(0, Min - keywords.Count)));
        return keywords;
    }

    private static bool SharesWord(string a, string b) =>
        a.Split(' ').Intersect(b.Split(' '), StringComparer.OrdinalIgnoreCase).Any();
}
