using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Feeds.Tests;

public sealed class FeedOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new FeedOptions();

        Assert.Null(options.Opml);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Timeout);
        Assert.Equal(10 * 1024 * 1024, options.MaxBodyBytes);
        Assert.Equal(5, options.MaxRedirects);
        Assert.Equal("Digest/1.0 (+https://github.com/digest-news/digest; RSS digest bot)", options.UserAgent);
        Assert.True(new FeedOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public async Task Configuration_section_binds_every_key()
    {
        await using var services = TestServices.Create(new Dictionary<string, string?>
        {
            ["Feeds:MaxRedirects"] = "2",
            ["Feeds:UserAgent"] = "Test/1.0",
        });

        var options = services.GetRequiredService<IOptions<FeedOptions>>().Value;

        Assert.Equal(TestServices.Timeout, options.Timeout);
        Assert.Equal(1024 * 1024, options.MaxBodyBytes);
        Assert.Equal(2, options.MaxRedirects);
        Assert.Equal("Test/1.0", options.UserAgent);
    }

    [Theory]
    [InlineData("Feeds:Timeout", "00:00:00")]
    [InlineData("Feeds:MaxBodyBytes", "10")]
    [InlineData("Feeds:MaxRedirects", "-1")]
    [InlineData("Feeds:UserAgent", " ")]
    [InlineData("Feeds:Opml", "/nowhere/feeds.opml")]
    public async Task A_bad_value_fails_validation_naming_its_key(string key, string value)
    {
        await using var services = TestServices.Create(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FeedOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_adapter_resolves_as_the_app_wires_it()
    {
        await using var services = TestServices.Create();

        Assert.NotNull(services.GetRequiredService<IFeedFetcher>());
        Assert.NotNull(services.GetRequiredService<IFeedListSource>());
        Assert.NotNull(services.GetRequiredService<IPageTextSource>());
        Assert.NotNull(services.GetRequiredService<IHttpClientFactory>().CreateClient(Digest.Feeds.Fetching.FeedFetcher.HttpClientName));
    }
}
