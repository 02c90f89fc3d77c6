using Digest.App.Hosting;
using Digest.Core.Collecting;
using Digest.Feeds.FeedLists;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.App.Cli;

/// <summary><c>digest feeds list|add|remove|import|export</c>: the user's feed list on top of the built-in one.</summary>
internal static class FeedsCommand
{
    public const string Usage = "feeds list | add <url> [title] | remove <url> | import <file.opml> | export [file.opml]";

    public static async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly();
        var action = args.Positional.ElementAtOrDefault(0) ?? "list";
        using var host = await DigestApp.StartAsync(null, ct);
        var store = host.Services.GetRequiredService<IFeedStore>();
        var catalog = host.Services.GetRequiredService<FeedCatalog>();

        switch (action)
        {
            case "list":
                var health = await store.GetHealthAsync(ct);
                var collected = await catalog.GetCollectedAsync(ct);
                foreach (var feed in collected.Daily)
                {
                    Console.WriteLine($"{feed.Url}\t{feed.Title}\t{State(health.GetValueOrDefault(feed.Url))}");
                }
                // The weekly briefing's own sources are collected too; marked, since they never appear in a daily.
                foreach (var source in collected.WeeklyOnly)
                {
                    var kind = source.Kind == WeeklySourceKind.Audio ? "weekly audio" : "weekly research";
                    Console.WriteLine($"{source.Feed.Url}\t{source.Feed.Title}\t{State(health.GetValueOrDefault(source.Feed.Url))}\t{kind}");
                }
                break;
            case "add":
                var url = Required(args, 1, "feeds add <url> [title]");
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    throw new CliException($"not an http(s) URL: {url}");
                }
                await store.AddAsync(new FeedSource(url, args.Positional.ElementAtOrDefault(2) ?? uri.Host, null), ct);
                Console.WriteLine($"Added {url}");
                break;
            case "remove":
                var removed = Required(args, 1, "feeds remove <url>");
                await store.RemoveAsync(removed, ct);
                Console.WriteLine($"Removed {removed}");
                break;
            case "import":
                var file = Required(args, 1, "feeds import <file.opml>");
                if (!File.Exists(file))
                {
                    throw new CliException($"no file at {file}");
                }
                await using (var stream = File.OpenRead(file))
                {
                    var feeds = Opml.Parse(stream);
                    foreach (var feed in feeds)
                    {
                        await store.AddAsync(feed, ct);
                    }
                    Console.WriteLine($"Imported {feeds.Count} feeds from {file}");
                }
                break;
            case "export":
                var opml = Opml.Write(await catalog.GetAsync(ct), "Digest feeds");
                if (args.Positional.ElementAtOrDefault(1) is { } target)
                {
                    await File.WriteAllTextAsync(target, opml, ct);
                }
                else
                {
                    Console.Write(opml);
                }
                break;
            default:
                throw new CliException($"unknown feeds action '{action}'. Usage: digest {Usage}");
        }
        await host.StopAsync(ct);
        return 0;
    }

    private static string State(FeedHealth? h) =>
        h is null ? "never fetched"
        : h.ConsecutiveFailures > 0 ? $"failing ×{h.ConsecutiveFailures}: {h.LastError}"
        : $"ok {h.LastSuccessAt:yyyy-MM-dd HH:mm}";

    private static string Required(CliArguments args, int index, string usage) =>
        args.Positional.ElementAtOrDefault(index) ?? throw new CliException($"usage: digest {usage}");
}
