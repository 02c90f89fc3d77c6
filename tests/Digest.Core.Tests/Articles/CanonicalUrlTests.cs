using Digest.Core.Articles;

namespace Digest.Core.Tests.Articles;

public class CanonicalUrlTests
{
    [Theory]
    [InlineData("https://Example.COM/Post?utm_source=x&utm_medium=y#comments", "https://example.com/Post")]
    [InlineData("https://example.com/post?id=7&fbclid=abc&gclid=def", "https://example.com/post?id=7")]
    [InlineData("HTTP://example.com:80/a", "http://example.com/a")]
    [InlineData("https://example.com:8443/a?b=1", "https://example.com:8443/a?b=1")]
    public void Tracking_parameters_fragments_and_host_case_are_normalized_away(string input, string expected) =>
        Assert.Equal(expected, CanonicalUrl.Normalize(input));

    [Fact]
    public void Relative_links_resolve_against_the_feed() =>
        Assert.Equal("https://blog.example.org/posts/1", CanonicalUrl.Normalize("/posts/1", new Uri("https://blog.example.org/feed.xml")));

    [Fact]
    public void Source_name_drops_www() => Assert.Equal("jeffgeerling.com", CanonicalUrl.SourceName("https://www.jeffgeerling.com/blog.xml"));
}
