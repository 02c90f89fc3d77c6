using Digest.Core.Assessing;
using Digest.Core.Conversation.Links;
using Digest.Feeds.Fetching;
using Digest.Feeds.Parsing;
using Digest.Feeds.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Feeds.Pages;

/// <summary>
/// A page's readable text, title and stated date: for feeds that carry only a snippet or no date (under the feed
/// limits), and for links sent in a chat (under the page limits). The page is handed to SmartReader and AngleSharp as
/// text, so neither goes on the network; the client it comes through connects only to public addresses.
/// </summary>
public sealed class ReadablePageSource(
    IHttpClientFactory httpClients,
    IOptions<FeedOptions> feedOptions,
    IOptions<PageOptions> pageOptions,
    TimeProvider time,
    ILogger<ReadablePageSource> logger) : IPageTextSource, ILinkReader
{
    public const string HttpClientName = "pages";

    public async Task<PageText?> GetPageAsync(string url, CancellationToken ct) =>
        (await ReadAsync(url, HttpLimits.Of(feedOptions.Value), ct)).Page;

    public Task<LinkRead> ReadLinkAsync(string url, CancellationToken ct)
    {
        var options = pageOptions.Value;
        return ReadAsync(url, new HttpLimits(options.Timeout, options.MaxBodyBytes, PageOptions.SectionName), ct);
    }

    private async Task<LinkRead> ReadAsync(string url, HttpLimits limits, CancellationToken ct)
    {
        if (!CappedHttp.TryCreateHttpUri(url, out var uri))
        {
            return LinkRead.Failed(LinkFailure.NotHttp());
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Accept", "text/html, application/xhtml+xml;q=0.9");
        var client = httpClients.CreateClient(HttpClientName);
        using var outcome = await CappedHttp.GetAsync(client, request, limits, time, r => r.IsSuccessStatusCode && IsHtml(r), ct);
        if (outcome.Response is not { } response)
        {
            logger.LogDebug("Page {url} not read: {error}", url, outcome.Error);
            return LinkRead.Failed(outcome.Failure switch
            {
                HttpFailure.NonPublicAddress => LinkFailure.NonPublicAddress(),
                HttpFailure.TimedOut => LinkFailure.TimedOut(limits.Timeout),
                HttpFailure.TooLarge => LinkFailure.TooLarge(limits.MaxBodyBytes),
                _ => LinkFailure.Unreachable(),
            });
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (outcome.Body is not { } body)
        {
            logger.LogDebug("Page {url} not read: HTTP {status} {media_type}", url, (int)response.StatusCode, mediaType);
            return LinkRead.Failed(response.IsSuccessStatusCode ? LinkFailure.NotAPage(mediaType) : LinkFailure.HttpError((int)response.StatusCode));
        }
        var html = TextDecoding.Decode(body.Span, response.Content.Headers.ContentType?.CharSet);
        var pageUri = response.RequestMessage?.RequestUri ?? uri;
        return Extract(pageUri, html) is { } article
            ? LinkRead.Read(new PageText(article.Text, PublishedAt(pageUri, html), article.Title))
            : LinkRead.Failed(LinkFailure.Unreadable());
    }

    private DateTimeOffset? PublishedAt(Uri pageUri, string html)
    {
        try
        {
            return PageDate.Find(html);
        }
        catch (Exception e)
        {
            // The date is a bonus to the text: a page whose markup defeats the reader simply states none.
            logger.LogDebug(e, "Page {url} date could not be read", pageUri);
            return null;
        }
    }

    private (string Text, string? Title)? Extract(Uri pageUri, string html)
    {
        try
        {
            using var reader = new SmartReader.Reader(pageUri.AbsoluteUri, html);
            var article = reader.GetArticle();
            if (!article.IsReadable)
            {
                return null;
            }
            var text = HtmlText.ToPlainText(article.Content);
            if (text.Length == 0)
            {
                text = article.TextContent?.Trim() ?? string.Empty;
            }
            // The title may end up in a chat reply: one line, no control characters, bounded.
            var title = ErrorText.OneLine(article.Title);
            return text.Length > 0 ? (text, title.Length > 0 ? title : null) : null;
        }
        catch (Exception e)
        {
            // A page SmartReader cannot make sense of is simply a page without readable text.
            logger.LogDebug(e, "Page {url} could not be read", pageUri);
            return null;
        }
    }

    private static bool IsHtml(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } media
        && (media.Equals("text/html", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase));
}
