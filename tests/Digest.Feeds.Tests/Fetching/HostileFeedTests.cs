using System.Diagnostics;
using Digest.Core.Collecting;
using Digest.TestKit.Feeds;

namespace Digest.Feeds.Tests.Fetching;

public sealed class HostileFeedTests(FeedsFixture feeds) : IClassFixture<FeedsFixture>
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    [Theory]
    [InlineData(HostileFeeds.BillionLaughs, "DTD declares entities")]
    [InlineData(HostileFeeds.ExternalEntityFile, "DTD declares entities")]
    [InlineData(HostileFeeds.ExternalEntityUrl, "DTD declares entities")]
    [InlineData(HostileFeeds.ParameterEntity, "DTD declares entities")]
    [InlineData(HostileFeeds.Huge, "Body exceeds the 1 MB limit")]
    [InlineData(HostileFeeds.HugeChunked, "Body exceeds the 1 MB limit")]
    [InlineData(HostileFeeds.GzipBomb, "Body exceeds the 1 MB limit, counted after decompression")]
    [InlineData(HostileFeeds.Drip, "Timed out after 5 s (Feeds:Timeout)")]
    [InlineData(HostileFeeds.RedirectLoop, "Too many redirects (more than 5")]
    [InlineData(HostileFeeds.HtmlPage, "Not a feed: the server sent an HTML page")]
    [InlineData(HostileFeeds.EmptyBody, "Empty response body")]
    [InlineData(HostileFeeds.Truncated, "Truncated or malformed XML with no complete item")]
    [InlineData(HostileFeeds.NotFound, "HTTP 404 Not Found")]
    [InlineData(HostileFeeds.TooManyRequests, "HTTP 429 Too Many Requests")]
    [InlineData(HostileFeeds.ServerError, "HTTP 500 Internal Server Error")]
    public async Task Hostile_feed_is_a_failed_source_with_a_clear_one_line_error_in_time(string path, string expectedError)
    {
        var clock = Stopwatch.StartNew();

        var result = await feeds.FetchAsync(feeds.Server.Url(path));

        Assert.True(clock.Elapsed < TestServices.Timeout + Slack, $"took {clock.Elapsed}");
        Assert.Equal(FeedFetchStatus.Failed, result.Status);
        Assert.Empty(result.Items);
        Assert.Contains(expectedError, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public async Task Too_many_requests_passes_retry_after_on()
    {
        var result = await feeds.FetchAsync(feeds.Server.Url(HostileFeeds.TooManyRequests));

        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
    }

    [Fact]
    public async Task Server_error_has_no_retry_after()
    {
        var result = await feeds.FetchAsync(feeds.Server.Url(HostileFeeds.ServerError));

        Assert.Null(result.RetryAfter);
    }

    [Fact]
    public async Task Watched_url_is_never_fetched_whatever_the_document_asks()
    {
        await using var server = await FeedServer.StartAsync();
        string[] paths = [HostileFeeds.ExternalEntityUrl, HostileFeeds.ParameterEntity, HostileFeeds.ExternalDtd];

        foreach (var path in paths)
        {
            await feeds.FetchAsync(server.Url(path));
        }

        Assert.All(paths, p => Assert.Equal(1, server.RequestCount(p)));
        Assert.Equal(0, server.WatchedUrlHits);
    }

    [Fact]
    public async Task External_dtd_is_ignored_and_the_feed_stays_readable()
    {
        var result = await feeds.FetchAsync(feeds.Server.Url(HostileFeeds.ExternalDtd));

        Assert.Equal(FeedFetchStatus.Ok, result.Status);
        Assert.Equal("Readable despite the external DTD", Assert.Single(result.Items).Title);
    }

    [Fact]
    public async Task Etc_passwd_never_appears_in_any_result()
    {
        var result = await feeds.FetchAsync(feeds.Server.Url(HostileFeeds.ExternalEntityFile));

        var everything = string.Join('\n', result.Items.SelectMany(i => new[] { i.Title, i.Text, i.Author, i.Guid }).Append(result.Error));
        Assert.DoesNotContain("root:", everything, StringComparison.Ordinal);
        if (File.Exists("/etc/passwd"))
        {
            var firstLine = File.ReadLines("/etc/passwd").First();
            Assert.DoesNotContain(firstLine, everything, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(HostileFeeds.Windows1252DeclaredUtf8)]
    [InlineData(HostileFeeds.Latin1DeclaredServedUtf8)]
    public async Task Feed_with_a_lying_encoding_is_readable_with_the_right_characters(string path)
    {
        var result = await feeds.FetchAsync(feeds.Server.Url(path));

        Assert.Equal(FeedFetchStatus.Ok, result.Status);
        Assert.Equal(HostileFeeds.AccentedTitle, Assert.Single(result.Items).Title);
    }

    [Fact]
    public async Task Cancelling_the_caller_throws_instead_of_reporting_a_failure()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => feeds.FetchAsync(feeds.Server.Url(HostileFeeds.Drip), ct: cancel.Token));

        Assert.True(clock.Elapsed < TestServices.Timeout, $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/feed.xml")]
    [InlineData("not a url")]
    public async Task A_url_that_is_not_http_fails_without_a_request(string url)
    {
        var result = await feeds.Fetcher.FetchAsync(new FeedSource(url, "Odd"), FeedHealth.New(url), default);

        Assert.Equal(FeedFetchStatus.Failed, result.Status);
        Assert.StartsWith("Not an http(s) URL", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_a_failed_source()
    {
        // Port 1 on loopback: nothing listens there.
        var result = await feeds.FetchAsync(new Uri("http://127.0.0.1:1/feed.xml"));

        Assert.Equal(FeedFetchStatus.Failed, result.Status);
        Assert.StartsWith("Request failed:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
    }
}
