using Digest.Core.Articles;
using Digest.Core.Editions;
using Digest.Storage.Articles;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Asking;

/// <summary>A small archive in a real database, and an edition that shows some of it.</summary>
internal static class AskingData
{
    public static async Task<(SqliteArticleStore Store, IReadOnlyList<Article> Articles)> ArchiveAsync(TestDatabase test, params (string Title, string Text, int HoursAgo)[] articles)
    {
        var store = new SqliteArticleStore(test.Db);
        var added = await store.AddNewAsync(
            articles.Select((a, i) => Article($"https://a.example/{i}", title: a.Title, text: a.Text, published: Now.AddHours(-a.HoursAgo))).ToList(),
            CancellationToken.None);
        return (store, added);
    }

    public static EditionItem Item(Article article, int rank, string summary = "") =>
        new(rank, article.Id, article.Title, article.CanonicalUrl, article.Source, article.PublishedAt ?? Now, Category.Engineering,
            5, 5, 5, [], [], summary, "Why read it.", MustRead: false, MustReadRank: 0);
}
