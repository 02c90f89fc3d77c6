using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.App.Hosting;

/// <summary>
/// Keeps the host from logging a failed start ("Hosting failed to start" and the whole stack trace): that exception
/// reaches the CLI anyway, which says it in one line (a taken port) or lets it surface whole (a bug). Once started, the
/// host's errors (a BackgroundService that failed) are logged as usual.
/// </summary>
internal sealed class HostStartLog
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private volatile bool _started;

    public static HostStartLog QuietUntilStarted(ILoggingBuilder logging)
    {
        var log = new HostStartLog();
        logging.AddFilter(HostCategory, level => level >= LogLevel.Warning && (level < LogLevel.Error || log._started));
        return log;
    }

    public void Watch(IHostApplicationLifetime lifetime) => lifetime.ApplicationStarted.Register(() => _started = true);
}
