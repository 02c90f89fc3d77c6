using Digest.App.Jobs;
using Digest.Core.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Digest.Integration.Tests.Support;

/// <summary>
/// The app's outbox sender running until disposed, as <c>digest run</c> keeps it running: replies and scheduled
/// editions go out as soon as they are enqueued. When the host already runs its own sender, that one does the work
/// (two runs in one process would each have their own rate limiter).
/// </summary>
public sealed class BackgroundSender : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<SendSummary?> _running;

    private BackgroundSender(TestApp app)
    {
        var hostRunsOne = app.Services.GetServices<IHostedService>().Any(s => s is OutboxSenderService);
        _running = hostRunsOne
            ? Task.FromResult<SendSummary?>(null)
            : RunAsync(app.Get<OutboxSender>(), _stop.Token);
    }

    public static BackgroundSender Start(TestApp app) => new(app);

    /// <summary>Stops it (in-flight sends finish and are recorded); the run's summary, or null when the host's sender ran.</summary>
    public async Task<SendSummary?> StopAsync()
    {
        await _stop.CancelAsync();
        return await _running;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private static async Task<SendSummary?> RunAsync(OutboxSender sender, CancellationToken stop)
    {
        await Task.Yield();
        return await sender.RunAsync(untilDone: false, stop);
    }
}
