using Digest.Core.Articles;
using Digest.Core.Editions;

namespace Digest.TestKit.Editions;

/// <summary>Editions for every platform's renderer tests: ranks in the order articles are added, the top three are must-reads.</summary>
public sealed class EditionBuilder
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 4, 16, 14, 1, 0, TimeSpan.Zero);

    private static readonly Category[] Rotation =
        [Category.AiMl, Category.AiMl, Category.Opinion, Category.Engineering, Category.Tools, Category.Security, Category.Other];

    private readonly List<EditionItem> _items = [];
    private bool _offline;
    private string _highlights = "Models got smaller & faster; agents got <em>more</em> attention.";

    public EditionBuilder WithArticle(
        string title,
        Category category = Category.AiMl,
        string url = "https://example.com/a",
        string summary = "A short summary of the article.",
        string why = "It explains the trade-offs clearly.",
        string source = "example.com",
        IReadOnlyList<string>? tags = null,
        TimeSpan? age = null)
    {
        var rank = _items.Count + 1;
        _items.Add(new EditionItem(
            Rank: rank,
            ArticleId: rank,
            Title: title,
            Url: url,
            Source: source,
            PublishedAt: GeneratedAt - (age ?? TimeSpan.FromHours(rank)),
            Category: category,
            Relevance: 10,
            Quality: 9,
            Timeliness: Math.Max(0, 10 - rank),
            Keywords: tags ?? ["llm", "training"],
            Tags: tags ?? ["LLM", "Training"],
            Summary: summary,
            WhyRead: why,
            MustRead: rank <= 3,
            MustReadRank: rank <= 3 ? rank : 0));
        return this;
    }

    /// <summary>
    /// Articles in rotating categories; each summary has <paramref name="sentences"/> to four more sentences, so a
    /// platform with a small message limit can be given enough text to need several messages.
    /// </summary>
    public EditionBuilder WithArticles(int count, int sentences = 1)
    {
        for (var i = 1; i <= count; i++)
        {
            WithArticle(
                $"Article number {i} about models",
                Rotation[(i - 1) % Rotation.Length],
                url: $"https://example.com/articles/{i}",
                summary: string.Join(' ', Enumerable.Repeat($"Sentence {i} of a summary that goes on for a while.", sentences + (i % 5))),
                tags: [$"tag{i % 7}", "ai", "news"]);
        }
        return this;
    }

    public EditionBuilder Offline()
    {
        _offline = true;
        return this;
    }

    public EditionBuilder WithHighlights(string highlights)
    {
        _highlights = highlights;
        return this;
    }

    public Edition Build()
    {
        var categories = _items.GroupBy(i => i.Category).Select(g => new CategoryCount(g.Key, g.Count())).ToList();
        var keywords = _items
            .SelectMany(i => i.Keywords)
            .GroupBy(k => k.ToLowerInvariant())
            .Select(g => new KeywordCount(g.Key, g.Count()))
            .OrderByDescending(k => k.Count)
            .ToList();
        var stats = new EditionStats(89, 92, 2542, 26, TimeSpan.FromHours(24), _items.Count, categories, keywords);
        return new Edition(7, EditionKind.Daily, new DateOnly(2026, 4, 16), GeneratedAt, "en", _offline, _highlights, _items.ToList(), stats);
    }
}
