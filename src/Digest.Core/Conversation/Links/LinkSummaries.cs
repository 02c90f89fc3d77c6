using Digest.Core.Articles;
using Digest.Core.Assessing;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Conversation.Links;

/// <summary>
/// Summarizes any link someone sends: reads it through <see cref="ILinkReader"/> (public addresses only, chat limits),
/// stores it as an article of its own pseudo-feed so follow-up questions find it, and has it assessed and written up
/// by <see cref="AssessmentService"/>, which keeps the one "LLM, else offline" rule. A link already stored is not
/// fetched again.
/// </summary>
public sealed class LinkSummaries(
    ILinkReader reader,
    IArticleStore articles,
    IAssessmentStore assessments,
    AssessmentService assessing,
    TimeProvider time,
    ILogger<LinkSummaries> logger)
{
    /// <summary>
    /// The feed URL of articles that came from a chat. No configured feed has it, so they never enter an edition.
    /// </summary>
    public const string FeedUrl = "chat:link";

    public async Task<LinkSummaryResult> SummarizeAsync(string url, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (!LinkFinder.TryParse(url, out var uri))
        {
            return LinkSummaryResult.Refused(LinkFailure.NotHttp());
        }
        var canonical = CanonicalUrl.Normalize(uri.AbsoluteUri);
        var article = await articles.GetByUrlAsync(canonical, ct);
        if (article is null)
        {
            var read = await reader.ReadLinkAsync(canonical, ct);
            if (read.Page is not { } page)
            {
                var failure = read.Failure ?? LinkFailure.Unreadable();
                logger.LogInformation("Link {url} not read: {failure_kind}", canonical, failure.Kind);
                return LinkSummaryResult.Refused(failure);
            }
            article = await StoreAsync(canonical, page, ct);
        }
        var assessment = await AssessmentOfAsync(article, ct);
        var writeup = await assessing.GetWriteupAsync(article, assessment, language, ct);
        logger.LogInformation("Link {url} summarized as article {article_id} by {model_id}", canonical, article.Id, writeup.ModelId);
        return LinkSummaryResult.Summarized(article, writeup.Summary);
    }

    private async Task<Article> StoreAsync(string canonical, PageText page, CancellationToken ct)
    {
        var source = CanonicalUrl.SourceName(canonical);
        var fresh = new NewArticle(
            canonical,
            Guid: null,
            FeedUrl,
            source,
            string.IsNullOrWhiteSpace(page.Title) ? source : page.Title,
            page.Text,
            page.PublishedAt?.ToUniversalTime(),
            time.GetUtcNow());
        var added = await articles.AddNewAsync([fresh], ct);
        if (added.Count > 0)
        {
            return added[0];
        }
        // Someone stored the same URL in the meantime (another chat, a collect run): theirs is the article.
        return await articles.GetByUrlAsync(canonical, ct)
            ?? throw new InvalidOperationException($"The article for {canonical} was neither added nor found.");
    }

    /// <summary>The article's assessment by the current assessor, assessing it first when it has none.</summary>
    private async Task<Assessment> AssessmentOfAsync(Article article, CancellationToken ct)
    {
        var assessor = assessing.Assessor;
        if (await StoredAsync() is { } current && current.ModelId == assessor.ModelId && current.PromptVersion == assessor.PromptVersion)
        {
            return current;
        }
        // Falls back to offline on its own when the LLM fails, so an assessment is stored either way.
        await assessing.AssessAsync([article], null, ct);
        return await StoredAsync() ?? throw new InvalidOperationException($"Article {article.Id} was assessed but no assessment is stored.");

        async Task<Assessment?> StoredAsync() =>
            (await assessments.GetAsync([article.Id], assessor.ModelId, ct)).GetValueOrDefault(article.Id);
    }
}
