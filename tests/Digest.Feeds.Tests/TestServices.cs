using Digest.Core.Collecting;
using Digest.TestKit.Feeds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Feeds.Tests;

/// <summary>The feeds adapter as the app wires it, with limits small enough for fast tests.</summary>
internal static class TestServices
{
    // Long enough that a loaded CI box never turns six loopback redirects into a timeout.
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public const long MaxBodyBytes = 1024 * 1024;

    public static ServiceProvider Create(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Feeds:Timeout"] = Timeout.ToString(),
            ["Feeds:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The test servers are on 127.0.0.1; PrivateAddressTests checks the default refusal.
            ["Feeds:AllowPrivatePageAddresses"] = "true",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDigestFeeds(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}

/// <summary>One feed server and one wired adapter shared by a test class.</summary>
public sealed class FeedsFixture : IAsyncLifetime
{
    private ServiceProvider? services;

    public FeedServer Server { get; private set; } = null!;

    public IServiceProvider Services => services!;

    public IFeedFetcher Fetcher => Services.GetRequiredService<IFeedFetcher>();

    public async Task InitializeAsync()
    {
        Server = await FeedServer.StartAsync();
        services = TestServices.Create();
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
        await Server.DisposeAsync();
    }

    public Task<FeedFetchResult> FetchAsync(Uri url, FeedHealth? health = null, CancellationToken ct = default) =>
        Fetcher.FetchAsync(new FeedSource(url.AbsoluteUri, "Test"), health ?? FeedHealth.New(url.AbsoluteUri), ct);
}
