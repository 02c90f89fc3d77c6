using System.Text;
using Digest.App.Hosting;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using Digest.Core.Weekly;
using Digest.Feeds.FeedLists;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.App.Cli;

/// <summary>
/// <c>digest generate</c>: collect, assess, compose and print today's digest (or with --weekly the briefing of the last
/// seven days) as Markdown. Neither is stored: what subscribers receive stays the scheduled editions.
/// </summary>
internal static class GenerateCommand
{
    public const string Usage = "generate [--hours H] [--top N] [--lang L] [--out FILE] [--offline] [--feeds FILE.opml] | generate --weekly [--lang L] [--out FILE] [--offline]";

    public static async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        if (args.Has("weekly") && new[] { "hours", "top", "feeds" }.FirstOrDefault(args.Has) is { } daily)
        {
            // The briefing always covers the seven days of both built-in lists.
            throw new CliException($"--{daily} applies to the daily digest, not to --weekly");
        }
        args.AllowOnly("hours", "top", "lang", "out", "offline", "feeds", "weekly");
        var hours = args.Number("hours", 1, 24 * 31);
        var top = args.Number("top", 1, 100);
        var language = args.Text("lang");
        var output = args.Text("out");
        var opml = args.Text("feeds");
        var overrides = new Dictionary<string, string?>();
        if (args.Has("offline"))
        {
            overrides[DigestServices.OfflineKey] = "true";
        }

        using var host = await DigestApp.StartAsync(overrides, ct);
        var services = host.Services;
        var progress = TerminalProgress.ForStandardError();

        var collector = services.GetRequiredService<Collector>();
        var window = hours is null ? (TimeSpan?)null : TimeSpan.FromHours(hours.Value);
        EditionRequest request;
        if (opml is null)
        {
            var feeds = await services.GetRequiredService<FeedCatalog>().GetCollectedAsync(ct);
            await collector.CollectAsync(feeds.Daily, progress, ct, alsoRead: feeds.WeeklyOnlyFeeds);
            request = new EditionRequest(window, top, language, Store: false);
        }
        else
        {
            var list = LoadOpml(opml);
            var report = await collector.ReadOnceAsync(list, progress, ct);
            request = new EditionRequest(window, top, language, Store: false, Feeds: list, Report: report);
        }
        var edition = args.Has("weekly")
            ? await services.GetRequiredService<WeeklyEditionService>().ComposeAsync(new WeeklyRequest(language, Store: false), progress, ct)
            : await services.GetRequiredService<DailyEditionService>().ComposeAsync(request, progress, ct);
        if (edition is null)
        {
            // Not a usage error: the feeds gave nothing (all unreachable, or all older than a week).
            await Console.Error.WriteLineAsync("digest: nothing was collected in the last seven days, so there is no week to write a briefing about.");
            await host.StopAsync(ct);
            return 1;
        }
        var markdown = MarkdownRenderer.Render(edition);

        if (output is null)
        {
            await Console.Out.WriteAsync(markdown);
        }
        else
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(output));
            Directory.CreateDirectory(directory!);
            await File.WriteAllTextAsync(output, markdown, new UTF8Encoding(false), ct);
            await Console.Error.WriteLineAsync($"Wrote {output}: {edition.Items.Count} articles.");
        }
        await host.StopAsync(ct);
        return 0;
    }

    private static IReadOnlyList<FeedSource> LoadOpml(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"--feeds: no file at {path}");
        }
        using var stream = File.OpenRead(path);
        return Opml.Parse(stream);
    }
}
