using Microsoft.Extensions.Logging;

namespace Digest.Telegram.Commands;

/// <summary>
/// Start-up calls to Telegram (webhook, commands) retried until they succeed, so an unreachable API
/// at start delays the bot instead of stopping the app.
/// </summary>
internal static class StartupCalls
{
    public static async Task RunAsync(
        Func<CancellationToken, Task> calls, string what, TimeSpan retryDelay, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await calls(ct);
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("Telegram start-up ({step}) failed, retrying in {delay}: {error}", what, retryDelay, e.Message);
            }
            await Task.Delay(retryDelay, time, ct);
        }
    }
}
