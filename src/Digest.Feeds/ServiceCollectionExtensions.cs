using System.Net;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Conversation.Links;
using Digest.Feeds.FeedLists;
using Digest.Feeds.Fetching;
using Digest.Feeds.Pages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Digest.Feeds;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Feed fetching, the baseline feed list, page text for articles and chat links, configured from the "Feeds"
    /// and "Pages" sections.
    /// </summary>
    public static IServiceCollection AddDigestFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FeedOptions>()
            .Bind(configuration.GetSection(FeedOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeedOptions>, FeedOptionsValidator>());
        services.AddOptions<PageOptions>()
            .Bind(configuration.GetSection(PageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PageOptions>, PageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        AddClient(services, FeedFetcher.HttpClientName, guardAddresses: false);
        // Article links come from feeds and chat links from people, that is from anyone: never let them reach into our own network.
        AddClient(services, ReadablePageSource.HttpClientName, guardAddresses: true);

        services.TryAddSingleton<IFeedFetcher, FeedFetcher>();
        services.TryAddSingleton<IFeedListSource, OpmlFeedList>();
        services.TryAddSingleton<IWeeklyFeedList, WeeklyFeedList>();
        services.TryAddSingleton<ReadablePageSource>();
        services.TryAddSingleton<IPageTextSource>(sp => sp.GetRequiredService<ReadablePageSource>());
        services.TryAddSingleton<ILinkReader>(sp => sp.GetRequiredService<ReadablePageSource>());
        return services;
    }

    private static void AddClient(IServiceCollection services, string name, bool guardAddresses)
    {
        var httpClient = services.AddHttpClient(name, (sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<FeedOptions>>().Value;
                // Each request carries its own timeout (Feeds:Timeout, body included); HttpClient's would only add a second, different one.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<FeedOptions>>().Value;
                var handler = new SocketsHttpHandler
                {
                    AutomaticDecompression = DecompressionMethods.All,
                    AllowAutoRedirect = options.MaxRedirects > 0,
                    MaxAutomaticRedirections = Math.Max(1, options.MaxRedirects),
                    // One feed's cookies must not travel to another, and feeds need none.
                    UseCookies = false,
                    ConnectTimeout = options.Timeout,
                };
                if (guardAddresses)
                {
                    // Through a proxy the callback would check the proxy's address, not the page's: no proxy at all.
                    handler.UseProxy = false;
                }
                if (guardAddresses && !options.AllowPrivatePageAddresses)
                {
                    // Checked at connect time, so redirects and DNS answers are covered too.
                    handler.ConnectCallback = PublicAddresses.ConnectAsync;
                }
                return handler;
            });
        // No retries here, whatever the app's defaults add: the next collection run is the retry.
        // The removal API is marked experimental; the package version is pinned centrally.
#pragma warning disable EXTEXP0001
        httpClient.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}
