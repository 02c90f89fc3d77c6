using System.Diagnostics.CodeAnalysis;
using Digest.Core.Articles;

namespace Digest.Core.Conversation.Links;

/// <summary>A summarized link (the stored article and its summary), or the one-line reason it was not read.</summary>
public sealed class LinkSummaryResult
{
    private LinkSummaryResult(Article? article, string? summary, LinkFailure? failure)
    {
        Article = article;
        Summary = summary;
        Failure = failure;
    }

    /// <summary>The link as stored: follow-up questions find it like any other article.</summary>
    public Article? Article { get; }

    public string? Summary { get; }

    public LinkFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Article), nameof(Summary))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static LinkSummaryResult Summarized(Article article, string summary)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(summary);
        return new(article, summary, null);
    }

    public static LinkSummaryResult Refused(LinkFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(null, null, failure);
    }
}
