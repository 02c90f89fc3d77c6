using System.Net;
using System.Text;
using Digest.Core.Assessing;
using Digest.Feeds.Pages;
using Digest.TestKit.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Feeds.Tests.Pages;

public sealed class PrivateAddressTests
{
    [Fact]
    public async Task An_article_link_to_a_private_address_is_never_fetched_by_default()
    {
        await using var server = await FeedServer.StartAsync();
        var url = server.PublishRaw("/internal.html", Encoding.UTF8.GetBytes("<html><body><article><p>Internal admin page.</p></article></body></html>"), "text/html");
        await using var services = TestServices.Create(new Dictionary<string, string?> { ["Feeds:AllowPrivatePageAddresses"] = "false" });

        var text = (await services.GetRequiredService<IPageTextSource>().GetPageAsync(url.AbsoluteUri, default))?.Text;

        Assert.Null(text);
        Assert.Equal(0, server.RequestCount("/internal.html"));
    }

    [Fact]
    public async Task Feeds_themselves_may_live_on_private_addresses()
    {
        await using var server = await FeedServer.StartAsync();
        var feed = server.Publish("/feed.xml", FeedFormat.Rss20, [new TestFeedItem("Hello", server.Url("/hello").AbsoluteUri, "g1", "<p>Hi</p>", DateTimeOffset.UtcNow)]);
        await using var services = TestServices.Create(new Dictionary<string, string?> { ["Feeds:AllowPrivatePageAddresses"] = "false" });

        var result = await services.GetRequiredService<Core.Collecting.IFeedFetcher>().FetchAsync(
            new Core.Collecting.FeedSource(feed.AbsoluteUri, "t"), Core.Collecting.FeedHealth.New(feed.AbsoluteUri), default);

        Assert.Equal(Core.Collecting.FeedFetchStatus.Ok, result.Status);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("93.184.215.14", true)]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c", true)]
    public void Only_public_addresses_count_as_public(string address, bool expected) =>
        Assert.Equal(expected, PublicAddresses.IsPublic(IPAddress.Parse(address)));
}
