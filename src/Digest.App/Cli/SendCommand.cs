using Digest.App.Hosting;
using Digest.Core.Delivery;
using Digest.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.App.Cli;

/// <summary>
/// <c>digest send --now</c>: delivers the latest edition to every subscriber who has not had it yet.
/// It goes through the same outbox as the schedule, so it can never send anything twice.
/// </summary>
internal static class SendCommand
{
    public const string Usage = "send --now";

    public static async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("now");
        if (!args.Has("now"))
        {
            throw new CliException($"usage: digest {Usage}");
        }
        var builder = DigestHostBuilder.CreateHost();
        builder.Services.AddDigestPipeline(builder.Configuration);
        builder.Services.AddDigestDelivery(builder.Configuration);
        using var host = builder.Build();
        DigestApp.ValidateOptions(host.Services);
        await host.Services.GetRequiredService<SqliteDatabase>().MigrateAsync(ct);

        var planned = await host.Services.GetRequiredService<DeliveryPlanner>().PlanEveryoneAsync(ct);
        var summary = await host.Services.GetRequiredService<OutboxSender>().RunAsync(untilIdle: true, ct);
        await Console.Error.WriteLineAsync(
            $"Enqueued for {planned} subscribers; sent {summary.Sent} messages, {summary.Failed} failed, {summary.RateLimited} rate-limited.");
        return 0;
    }
}
