using System.Net.Sockets;
using System.Text;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Conversation.Links;
using Digest.Feeds.Fetching;
using Digest.Feeds.Pages;
using Digest.TestKit.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digest.Feeds.Tests.Pages;

public sealed class PrivateAddressTests
{
    private const string Refusal = "That address is on a private network; I only read public web pages.";

    private static readonly Dictionary<string, string?> Guarded = new() { ["Feeds:AllowPrivatePageAddresses"] = "false" };

    private static byte[] Internal => Encoding.UTF8.GetBytes("<html><body><article><p>Internal admin page.</p></article></body></html>");

    [Fact]
    public async Task An_article_link_to_a_private_address_is_never_fetched_by_default()
    {
        await using var server = await FeedServer.StartAsync();
        var url = server.PublishRaw("/internal.html", Internal, "text/html");
        await using var services = TestServices.Create(Guarded);

        var text = (await services.GetRequiredService<IPageTextSource>().GetPageAsync(url.AbsoluteUri, default))?.Text;

        Assert.Null(text);
        Assert.Equal(0, server.RequestCount("/internal.html"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/internal.html")]
    [InlineData("http://localhost:{port}/internal.html")]
    [InlineData("http://[::1]:{port}/internal.html")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/internal.html")]
    [InlineData("http://[64:ff9b::7f00:1]:{port}/internal.html")]
    [InlineData("http://2130706433:{port}/internal.html")]
    [InlineData("http://10.0.0.1/internal.html")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[fd00::1]/internal.html")]
    public async Task A_chat_link_to_a_non_public_address_is_refused_as_such_and_nothing_is_fetched(string template)
    {
        await using var server = await FeedServer.StartAsync();
        server.PublishRaw("/internal.html", Internal, "text/html");
        await using var services = TestServices.Create(Guarded);
        var url = template.Replace("{port}", server.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var read = await services.GetRequiredService<ILinkReader>().ReadLinkAsync(url, default);

        Assert.Null(read.Page);
        Assert.Equal(LinkFailureKind.NonPublicAddress, read.Failure?.Kind);
        Assert.Equal(Refusal, read.Failure?.Message);
        Assert.Equal(0, server.RequestCount("/internal.html"));
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_host_to_a_loopback_address_is_refused_when_it_connects()
    {
        // 127.0.0.1 stands in for a public site: a test connect callback lets it through and sends every other
        // connection, the redirect's included, through the real guard. The target on 127.0.0.2 is a live page.
        await using var server = await FeedServer.StartAsync(hosts: 2);
        server.PublishRaw("/target.html", Internal, "text/html");
        var hop = server.PublishRedirect("/hop", server.Url("/target.html", host: 1));
        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = (context, ct) => context.DnsEndPoint.Host == server.BaseAddress.Host
                ? ConnectDirectlyAsync(context, ct)
                : PublicAddresses.ConnectAsync(context, ct),
        };
        var pages = new ReadablePageSource(
            new OneClient(handler), Options.Create(new FeedOptions()), Options.Create(new PageOptions()), TimeProvider.System,
            NullLogger<ReadablePageSource>.Instance);

        var read = await pages.ReadLinkAsync(hop.AbsoluteUri, default);

        Assert.Equal(LinkFailureKind.NonPublicAddress, read.Failure?.Kind);
        Assert.Equal(1, server.RequestCount("/hop"));
        Assert.Equal(0, server.RequestCount("/target.html"));
    }

    [Fact]
    public async Task The_page_client_uses_no_proxy_and_checks_each_connection_while_the_feed_client_does_not()
    {
        await using var services = TestServices.Create(Guarded);
        var handlers = services.GetRequiredService<IHttpMessageHandlerFactory>();

        var pages = Primary(handlers.CreateHandler(ReadablePageSource.HttpClientName));
        var feeds = Primary(handlers.CreateHandler(FeedFetcher.HttpClientName));

        Assert.False(pages.UseProxy);
        Assert.NotNull(pages.ConnectCallback);
        Assert.Null(feeds.ConnectCallback);
    }

    [Fact]
    public async Task Feeds_themselves_may_live_on_private_addresses()
    {
        await using var server = await FeedServer.StartAsync();
        var feed = server.Publish("/feed.xml", FeedFormat.Rss20, [new TestFeedItem("Hello", server.Url("/hello").AbsoluteUri, "g1", "<p>Hi</p>", DateTimeOffset.UtcNow)]);
        await using var services = TestServices.Create(Guarded);

        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource(feed.AbsoluteUri, "t"), FeedHealth.New(feed.AbsoluteUri), default);

        Assert.Equal(FeedFetchStatus.Ok, result.Status);
    }

    private static SocketsHttpHandler Primary(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }
        return Assert.IsType<SocketsHttpHandler>(handler);
    }

    private static async ValueTask<Stream> ConnectDirectlyAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class OneClient(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
