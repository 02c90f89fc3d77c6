using Digest.App.Hosting;
using Digest.Core.Assessing;
using Digest.Llm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.App.Cli;

/// <summary>
/// <c>digest stats</c>: the LLM calls and tokens of the last days, per UTC day and purpose, with an estimated cost when
/// Llm:PricePer1kTokens is set.
/// </summary>
internal static class StatsCommand
{
    public const string Usage = "stats [--days N]";

    private const int DefaultDays = 7;

    public static async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("days");
        if (args.Positional.Count > 0)
        {
            throw new CliException($"usage: digest {Usage}");
        }
        // A leap year at most: a table of a row per day and purpose stops being readable long before.
        var days = args.Number("days", 1, 366) ?? DefaultDays;

        using var host = await DigestApp.StartAsync(null, ct);
        var services = host.Services;
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var firstDay = today.AddDays(1 - days);
        var usage = await services.GetRequiredService<ILlmUsageLog>().GetByDayAsync(firstDay, ct);
        var price = services.GetRequiredService<IOptions<LlmOptions>>().Value.PricePer1kTokens;

        await Console.Out.WriteAsync(UsageTable.Write(usage, firstDay, today, price));
        await host.StopAsync(ct);
        return 0;
    }
}
