using Digest.Core.Articles;

namespace Digest.Core.Assessing.Offline;

/// <summary>The keywords the offline assessor finds for an article: TF-IDF terms against the batch it came in.</summary>
internal static class OfflineKeywords
{
    private const int Candidates = 8;

    /// <summary>Up to <paramref name="max"/> terms, best first, none of them a word of the source's own name.</summary>
    public static List<string> Of(Article article, KeywordExtractor extractor, int max)
    {
        // A blog's own name is in many of its titles; it says who wrote it, not what it is about.
        var source = Tokenizer.Words(article.Source.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        return extractor.Extract(article.Title, article.Text, Candidates)
            .Where(k => !k.Split(' ').Any(source.Contains))
            .Take(max)
            .ToList();
    }

    /// <summary>For a text too thin for terms: less telling, but still true of the article.</summary>
    public static IEnumerable<string> Fallbacks(Article article, Category category) =>
        [category.Slug(), CanonicalUrl.SourceName(article.CanonicalUrl)];
}
