using Digest.Core.Articles;

namespace Digest.Core.Assessing;

/// <summary>An article's scores, category and keywords, stored with the model and prompt version that produced them.</summary>
public sealed record Assessment(
    long ArticleId,
    int Relevance,
    int Quality,
    int Timeliness,
    Category Category,
    IReadOnlyList<string> Keywords,
    string ModelId,
    string PromptVersion,
    DateTimeOffset AssessedAt)
{
    /// <summary>Relevance + quality + timeliness, out of 30.</summary>
    public int Total => Relevance + Quality + Timeliness;

    public bool IsOffline => ModelId == OfflineAssessor.ModelName;
}

/// <summary>What a selected article gets written for it: a 4–6 sentence summary and a one-sentence "why read it".</summary>
public sealed record Writeup(
    long ArticleId,
    string Summary,
    string WhyRead,
    IReadOnlyList<string> Tags,
    string Language,
    string ModelId,
    string PromptVersion);
