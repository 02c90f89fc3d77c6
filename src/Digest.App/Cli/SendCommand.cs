using System.Globalization;
using Digest.App.Hosting;
using Digest.App.Jobs;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Subscriptions;
using Digest.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.App.Cli;

/// <summary>
/// <c>digest send</c>: delivers now through the same outbox as the schedule, so it can never send anything twice, and
/// waits until everything is out (up to Delivery:SendNowWait for messages held elsewhere). Exit code 1 when something
/// is still owed, with what and why.
/// </summary>
internal static class SendCommand
{
    private static readonly TimeSpan RetryFailedWithin = TimeSpan.FromHours(24);

    public const string Usage = "send --now | --retry-failed [--now]";

    public const string Details =
        "--now: today's edition to every subscriber who has not had it (collects first when no edition is fresh), then sends\n"
        + "    --retry-failed: failed messages of the last 24 hours back in the queue, then sends them; plans nothing new unless --now is given too";

    public static async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("now", "retry-failed");
        var now = args.Has("now");
        var retry = args.Has("retry-failed");
        if (!now && !retry)
        {
            throw new CliException($"usage: digest {Usage}");
        }
        var builder = DigestHostBuilder.CreateHost();
        builder.Services.AddDigestPipeline(builder.Configuration);
        builder.Services.AddDigestDelivery(builder.Configuration);
        using var host = builder.Build();
        DigestApp.ValidateOptions(host.Services);
        await host.Services.GetRequiredService<SqliteDatabase>().MigrateAsync(ct);
        var services = host.Services;

        if (retry)
        {
            var at = services.GetRequiredService<TimeProvider>().GetUtcNow();
            // Yesterday's failures are worth sending now; last week's edition is not news any more.
            var requeued = await services.GetRequiredService<IOutbox>().RetryFailedAsync(at, at - RetryFailedWithin, ct);
            await Console.Error.WriteLineAsync(Invariant($"Put {requeued} failed messages of the last 24 hours back in the queue."));
        }
        string? enqueued = null;
        var waiting = 0;
        if (now)
        {
            foreach (var configured in services.GetServices<IConfiguredSubscriptions>())
            {
                await configured.SyncAsync(ct);
            }
            await CollectUnlessFreshAsync(services, ct);
            var planned = await services.GetRequiredService<DeliveryPlanner>().PlanEveryoneAsync(ct);
            waiting = planned.Waiting;
            enqueued = planned.Answered > 0
                ? Invariant($"Enqueued for {planned.Planned} subscribers and {planned.Answered} waiting requests")
                : Invariant($"Enqueued for {planned.Planned} subscribers");
        }
        var summary = await services.GetRequiredService<OutboxSender>().RunAsync(untilDone: true, ct);
        var sent = Invariant($" {summary.Sent} messages, {summary.Failed} failed, {summary.RateLimited} rate-limited waits, {summary.Outages} outages.");
        await Console.Error.WriteLineAsync(enqueued is null ? $"Sent{sent}" : $"{enqueued}; sent{sent}");
        return await StillOwedAsync(summary.StillOwed, waiting) ? 1 : 0;
    }

    /// <summary>Composing needs collected, assessed articles: on a fresh install or after a pause, get them first.</summary>
    internal static async Task CollectUnlessFreshAsync(IServiceProvider services, CancellationToken ct)
    {
        var freshFor = services.GetRequiredService<DeliveryOptions>().FreshFor;
        if (await services.GetRequiredService<DailyEditionService>().HasFreshAsync(freshFor, ct))
        {
            return;
        }
        await Console.Error.WriteLineAsync("No fresh edition: collecting first.");
        var report = await services.GetRequiredService<CollectAndAssess>().RunAsync(TerminalProgress.ForStandardError(), ct);
        await Console.Error.WriteLineAsync(Invariant($"Collected {report.SourcesOk}/{report.SourcesTotal} sources, {report.NewArticles} new articles."));
    }

    /// <summary>Says what is not out and why; true when anything is still owed.</summary>
    private static async Task<bool> StillOwedAsync(OutboxReport? left, int waiting)
    {
        if (waiting > 0)
        {
            await Console.Error.WriteLineAsync(Invariant($"Still waiting: {waiting} deliveries have no edition yet (no collect has finished)."));
        }
        if (left is null)
        {
            await Console.Error.WriteLineAsync("Still owed: unknown, the outbox could not be read.");
            return true;
        }
        if (left.OwedTotal > 0)
        {
            await Console.Error.WriteLineAsync(Invariant($"Still owed: {left.OwedTotal} messages — {Reasons(left.Owed)}"));
        }
        if (left.FailedTotal > 0)
        {
            await Console.Error.WriteLineAsync(Invariant(
                $"Failed so far: {left.FailedTotal} messages — {Reasons(left.Failed)}; digest send --retry-failed sends them again."));
        }
        return waiting > 0 || left.OwedTotal > 0;
    }

    private static string Reasons(IEnumerable<ReasonCount> reasons) =>
        string.Join("; ", reasons.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Count} {r.Platform}: {r.Reason}")));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
