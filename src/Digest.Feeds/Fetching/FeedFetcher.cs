using System.Net;
using Digest.Core.Collecting;
using Digest.Feeds.Parsing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Feeds.Fetching;

/// <summary>
/// Fetches one feed: conditional GET from the stored validators, the limits of <see cref="FeedOptions"/>, then
/// parsing. Every broken or hostile feed comes back as a failure with one clear line; only the caller's
/// cancellation throws.
/// </summary>
public sealed class FeedFetcher(
    IHttpClientFactory httpClients,
    IOptions<FeedOptions> options,
    TimeProvider time,
    ILogger<FeedFetcher> logger) : IFeedFetcher
{
    /// <summary>The named HttpClient every feed and page request goes through.</summary>
    public const string HttpClientName = "feeds";

    private const string Accept =
        "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
        + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    public async Task<FeedFetchResult> FetchAsync(FeedSource source, FeedHealth health, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(health);
        var result = await FetchCoreAsync(source, health, ct);
        if (result.Status == FeedFetchStatus.Failed)
        {
            result = result with { Error = ErrorText.OneLine(result.Error) };
            logger.LogDebug("Feed {feed_url} failed: {error}", source.Url, result.Error);
        }
        return result;
    }

    private async Task<FeedFetchResult> FetchCoreAsync(FeedSource source, FeedHealth health, CancellationToken ct)
    {
        if (!CappedHttp.TryCreateHttpUri(source.Url, out var uri))
        {
            return FeedFetchResult.Failure($"Not an http(s) URL: {source.Url}");
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        if (IsHeaderSafe(health.ETag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", health.ETag);
        }
        if (IsHeaderSafe(health.LastModified))
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", health.LastModified);
        }

        var opts = options.Value;
        var client = httpClients.CreateClient(HttpClientName);
        using var outcome = await CappedHttp.GetAsync(client, request, opts, time, r => r.IsSuccessStatusCode, ct);
        if (outcome.Response is not { } response)
        {
            return FeedFetchResult.Failure(outcome.Error ?? "Request failed");
        }

        var etag = Header(response.Headers.NonValidated, "ETag");
        var lastModified = Header(response.Content.Headers.NonValidated, "Last-Modified");
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return FeedFetchResult.NotModified(etag ?? health.ETag, lastModified ?? health.LastModified);
        }
        if (!response.IsSuccessStatusCode)
        {
            return FeedFetchResult.Failure(StatusError(response, opts), RetryAfter(response));
        }

        var contentType = response.Content.Headers.ContentType;
        var feedUri = response.RequestMessage?.RequestUri ?? uri;
        ParsedFeed parsed;
        try
        {
            parsed = FeedParser.Parse(outcome.Body.GetValueOrDefault().Span, contentType?.MediaType, contentType?.CharSet, feedUri);
        }
        catch (Exception e)
        {
            // The readers report what they expect; anything else a document provokes is still that feed's failure.
            return FeedFetchResult.Failure($"Unreadable feed: {ErrorText.Describe(e)}");
        }
        return parsed.Succeeded
            ? new FeedFetchResult(FeedFetchStatus.Ok, parsed.Items, etag, lastModified, null) { Skipped = parsed.Skipped }
            : FeedFetchResult.Failure(parsed.Error!);
    }

    private static string StatusError(HttpResponseMessage response, FeedOptions opts)
    {
        var code = (int)response.StatusCode;
        if (code is >= 300 and < 400 && response.Headers.Location is not null)
        {
            // The handler gives up on the redirect chain by handing back the last 3xx.
            return $"Too many redirects (more than {opts.MaxRedirects}, {FeedOptions.SectionName}:MaxRedirects)";
        }
        // The standard phrase, not the server's: a reason phrase is text the server chose.
        var phrase = ReasonPhrases.GetReasonPhrase(code);
        return phrase.Length > 0 ? $"HTTP {code} {phrase}" : $"HTTP {code}";
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }
        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
            _ => null,
        };
    }

    private static string? Header(System.Net.Http.Headers.HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static bool IsHeaderSafe(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !value.Any(char.IsControl);
}
