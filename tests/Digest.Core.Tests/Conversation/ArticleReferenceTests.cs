using Digest.Core.Articles;
using Digest.Core.Conversation;
using Digest.Core.Editions;

namespace Digest.Core.Tests.Conversation;

public sealed class ArticleReferenceTests
{
    private static readonly IReadOnlyList<EditionItem> Shown = [Item(1, "https://a.example/one"), Item(2, "https://b.example/two?x=1")];

    [Fact]
    public void A_reply_points_at_the_first_of_its_links_that_is_a_shown_article()
    {
        IReadOnlyList<string> links = ["https://elsewhere.example/", "https://B.example/two?x=1&utm_source=tg", "https://a.example/one"];

        Assert.Equal(2, ArticleReference.ResolveReplied(links, Shown));
    }

    [Fact]
    public void A_reply_to_a_message_without_shown_articles_points_at_none()
    {
        Assert.Null(ArticleReference.ResolveReplied(["https://elsewhere.example/"], Shown));
        Assert.Null(ArticleReference.ResolveReplied([], Shown));
    }

    private static EditionItem Item(long id, string url) =>
        new((int)id, id, $"Article {id}", url, "example", DateTimeOffset.UnixEpoch, Category.AiMl,
            Relevance: 10, Quality: 10, Timeliness: 10, [], [], "Summary.", "Why.", MustRead: false, MustReadRank: 0);
}
