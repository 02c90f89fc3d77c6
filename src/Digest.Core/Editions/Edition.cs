using Digest.Core.Articles;

namespace Digest.Core.Editions;

public enum EditionKind
{
    Daily,
    Weekly,
}

/// <summary>A composed edition: everything every renderer and every subscriber's cut needs, with no further lookups.</summary>
public sealed record Edition(
    long Id,
    EditionKind Kind,
    DateOnly Date,
    DateTimeOffset GeneratedAt,
    string Language,
    bool AssessedOffline,
    string Highlights,
    IReadOnlyList<EditionItem> Items,
    EditionStats Stats)
{
    /// <summary>
    /// The next-best picks after <see cref="Items"/>, best first, written up like them: what a subscriber's cut shows in
    /// place of articles they were already sent. Never rendered on their own.
    /// </summary>
    public IReadOnlyList<EditionItem> Reserve { get; init; } = [];

    /// <summary>
    /// A weekly edition's sections, citing its <see cref="Items"/> by article id; null for a daily. The items are the
    /// articles the briefing cites, so every lookup a renderer or a chat needs stays within the edition.
    /// </summary>
    public Weekly.WeeklyBriefing? Briefing { get; init; }

    /// <summary>The must-read articles (top 3 by score), in rank order.</summary>
    public IEnumerable<EditionItem> MustReads => Items.Where(i => i.MustRead).OrderBy(i => i.MustReadRank);

    /// <summary>
    /// A subscriber's personal cut: only their categories, at most <paramref name="top"/> articles, none they were
    /// already sent, nothing they muted, what they boosted ranked higher (see <see cref="EditionCut"/>).
    /// </summary>
    public Edition CutFor(IReadOnlySet<Category>? categories, int top, SentBefore? sent = null, KeywordTaste? taste = null) =>
        EditionCut.For(this, categories, top, sent ?? SentBefore.Nothing, taste);
}

/// <summary>One selected article with its assessment and write-up.</summary>
public sealed record EditionItem(
    int Rank,
    long ArticleId,
    string Title,
    string Url,
    string Source,
    DateTimeOffset PublishedAt,
    Category Category,
    int Relevance,
    int Quality,
    int Timeliness,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Tags,
    string Summary,
    string WhyRead,
    bool MustRead,
    int MustReadRank)
{
    public int Total => Relevance + Quality + Timeliness;

    /// <summary>The story the article tells (0 in editions stored before stories were kept with their items).</summary>
    public long StoryId { get; init; }

    /// <summary>Other sources in the window that tell the same story.</summary>
    public IReadOnlyList<string> AlsoCoveredBy { get; init; } = [];

    /// <summary>The subscriber was sent this story before and this article is news since: shown as "Update:".</summary>
    public bool IsUpdate { get; init; }

    /// <summary>A podcast episode's running time, when its feed says (weekly "Watch &amp; Listen").</summary>
    public TimeSpan? Duration { get; init; }
}

/// <summary>The data overview: how much was scanned and selected, by category and keyword.</summary>
public sealed record EditionStats(
    int SourcesOk,
    int SourcesTotal,
    int ArticlesFetched,
    int ArticlesInWindow,
    TimeSpan Window,
    int Selected,
    IReadOnlyList<CategoryCount> Categories,
    IReadOnlyList<KeywordCount> Keywords)
{
    /// <summary>Its LLM calls and tokens (which ones count: <see cref="LlmCost"/>); None for editions stored before they were kept.</summary>
    public LlmCost Llm { get; init; } = LlmCost.None;
}

public sealed record CategoryCount(Category Category, int Count);

public sealed record KeywordCount(string Keyword, int Count);
