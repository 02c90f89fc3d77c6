using Digest.Core.Assessing;
using Digest.Feeds.Fetching;
using Digest.Feeds.Parsing;
using Digest.Feeds.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Feeds.Pages;

/// <summary>
/// An article page's readable text and the date it states, for feeds that carry only a snippet or no date. The
/// page is fetched under the feed limits and handed to SmartReader and AngleSharp as text, so neither goes on the network.
/// </summary>
public sealed class ReadablePageSource(
    IHttpClientFactory httpClients,
    IOptions<FeedOptions> options,
    TimeProvider time,
    ILogger<ReadablePageSource> logger) : IPageTextSource
{
    public const string HttpClientName = "pages";

    public async Task<PageText?> GetPageAsync(string url, CancellationToken ct)
    {
        if (!CappedHttp.TryCreateHttpUri(url, out var uri))
        {
            return null;
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Accept", "text/html, application/xhtml+xml;q=0.9");
        var client = httpClients.CreateClient(HttpClientName);
        using var outcome = await CappedHttp.GetAsync(client, request, options.Value, time, r => r.IsSuccessStatusCode && IsHtml(r), ct);
        if (outcome.Response is not { } response || outcome.Body is null)
        {
            logger.LogDebug("Page {url} not read: {error}", url, outcome.Error ?? (outcome.Response is { } r ? $"HTTP {(int)r.StatusCode} {r.Content.Headers.ContentType?.MediaType}" : null));
            return null;
        }
        var html = TextDecoding.Decode(outcome.Body.Value.Span, response.Content.Headers.ContentType?.CharSet);
        var pageUri = response.RequestMessage?.RequestUri ?? uri;
        return Extract(pageUri, html) is { } text ? new PageText(text, PublishedAt(pageUri, html)) : null;
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

    private string? Extract(Uri pageUri, string html)
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
            return text.Length > 0 ? text : null;
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
